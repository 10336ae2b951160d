namespace FunctionAgents.Domain.Policy;

/// <summary>Counters of the run so far, as policy rules see them (<c>run_metrics</c>).</summary>
public sealed record RunMetrics(int ToolCalls, int TicketsCreated, int EmailsSent, decimal CostUsd, int StepsExecuted)
{
    public static RunMetrics Empty { get; } = new(0, 0, 0, 0m, 0);
}
