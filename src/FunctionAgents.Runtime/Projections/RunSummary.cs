using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Projections;

/// <summary>One row of the runs-by-tenant / runs-by-day projections. Rebuildable from the journal.</summary>
public sealed record RunSummary(
    string TenantId,
    string RunId,
    RunStatus Status,
    string Goal,
    string CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long LastSeq,
    decimal CostUsd,
    string Source)
{
    public static RunSummary From(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new RunSummary(
            state.TenantId,
            state.RunId,
            state.Status,
            state.Goal,
            state.CorrelationId,
            state.StartedAt ?? state.UpdatedAt ?? DateTimeOffset.MinValue,
            state.UpdatedAt ?? state.StartedAt ?? DateTimeOffset.MinValue,
            state.LastSeq,
            state.CostUsd,
            state.Source);
    }
}
