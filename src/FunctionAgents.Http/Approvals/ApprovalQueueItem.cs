using FunctionAgents.Http.Contracts;

namespace FunctionAgents.Http.Approvals;

/// <summary>One step waiting for a human, with the run it belongs to and what the step was planned to do.</summary>
/// <param name="Objective">The plan's objective for the step, so an approver reads what the agent meant to do.</param>
public sealed record ApprovalQueueItem(
    string RunId,
    string Goal,
    string CorrelationId,
    DateTimeOffset? RunCreatedAt,
    decimal RunCostUsd,
    string? Objective,
    PendingApprovalView Approval);
