using System.Text.Json;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Domain.Events;

// Human approval of a tool call: requested, approved, rejected or expired.

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

/// <summary>A human approved a pending tool call.</summary>
public sealed record HumanApproved(string StepId, string Approver, string? Comment) : EventPayload;

/// <summary>A human rejected a pending tool call; the step is skipped.</summary>
public sealed record HumanRejected(string StepId, string Approver, string? Comment) : EventPayload;

/// <summary>Nobody decided before the deadline; <paramref name="Outcome"/> is the policy's on_timeout action.</summary>
public sealed record ApprovalExpired(string StepId, PolicyAction Outcome) : EventPayload;
