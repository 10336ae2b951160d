using System.Text.Json;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Domain.Runs;

/// <summary>A tool call waiting for a human, as requested by policy.</summary>
public sealed record PendingApproval(
    string StepId,
    string Tool,
    JsonElement Input,
    IReadOnlyList<PolicyRuleMatch> Rules,
    string Reason,
    string PolicyVersion,
    DateTimeOffset ExpiresAt,
    PolicyAction OnTimeout,
    long RequestedSeq);
