namespace FunctionAgents.Domain.Runs;

/// <summary>Run limits and defaults. Bound from configuration by the hosts.</summary>
public sealed record RunOptions
{
    /// <summary>maxSteps when a start request gives none.</summary>
    public int DefaultMaxSteps { get; init; } = 8;

    /// <summary>budgetUsd when a start request gives none.</summary>
    public decimal DefaultBudgetUsd { get; init; } = 1.00m;

    /// <summary>How long a run may take before it fails with deadline_exceeded (setting FA_RUN_DEADLINE).</summary>
    public TimeSpan RunDeadline { get; init; } = TimeSpan.FromHours(1);
}
