namespace FunctionAgents.Http.Contracts;

/// <summary>GET /api/runs: one page of runs and the token for the next page (null on the last).</summary>
public sealed record RunListResponse(IReadOnlyList<RunListItem> Runs, string? ContinuationToken);
