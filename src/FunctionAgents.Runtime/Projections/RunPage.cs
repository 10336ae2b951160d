namespace FunctionAgents.Runtime.Projections;

/// <summary>A page of runs and the token for the next page (null on the last).</summary>
public sealed record RunPage(IReadOnlyList<RunSummary> Runs, string? ContinuationToken);
