using System.Text.Json;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Http.Contracts;

/// <summary>A tool call waiting for a human. <see cref="Rule"/> is the first matching rule; <see cref="Rules"/> has all of them.</summary>
public sealed record PendingApprovalView(
    string StepId,
    string Tool,
    JsonElement Input,
    string? Rule,
    IReadOnlyList<PolicyRuleMatch> Rules,
    string Reason,
    string PolicyVersion,
    DateTimeOffset ExpiresAt,
    PolicyAction OnTimeout,
    string ApproveUri);
