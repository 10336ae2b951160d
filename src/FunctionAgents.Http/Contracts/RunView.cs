using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Http.Contracts;

/// <summary>GET /api/runs/{runId}: the run's state as folded from its journal.</summary>
public sealed record RunView
{
    public required string RunId { get; init; }

    public required RunStatus Status { get; init; }

    public required string Goal { get; init; }

    public required string TenantId { get; init; }

    public required string CorrelationId { get; init; }

    public required string Source { get; init; }

    public string? IdempotencyKey { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public required int MaxSteps { get; init; }

    public required decimal BudgetUsd { get; init; }

    public required decimal CostUsd { get; init; }

    public string? Planner { get; init; }

    public AgentPlan? Plan { get; init; }

    public required IReadOnlyList<PlanViolation> PlanErrors { get; init; }

    public required IReadOnlyList<StepView> Steps { get; init; }

    public required IReadOnlyList<PendingApprovalView> PendingApprovals { get; init; }

    public string? Response { get; init; }

    public RunFailure? Failure { get; init; }

    public string? CancelReason { get; init; }

    public string? StoppedEarly { get; init; }

    public required long LastSeq { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public required DateTimeOffset Deadline { get; init; }

    public required RunLinks Links { get; init; }
}
