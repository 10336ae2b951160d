using System.Text.Json;
using FunctionAgents.Core.Policy;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>Policy requires a human to approve a tool call before it runs.</summary>
/// <param name="ExpiresAt">When the request expires (engine clock).</param>
/// <param name="OnTimeout">What expiry means: <see cref="PolicyAction.Deny"/> or <see cref="PolicyAction.Allow"/>.</param>
public sealed record ApprovalRequested(
    string StepId,
    string Tool,
    JsonElement Input,
    IReadOnlyList<PolicyRuleMatch> Rules,
    string Reason,
    string PolicyVersion,
    DateTimeOffset ExpiresAt,
    PolicyAction OnTimeout) : EventPayload;
