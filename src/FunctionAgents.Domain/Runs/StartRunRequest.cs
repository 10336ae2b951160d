namespace FunctionAgents.Domain.Runs;

/// <summary>A request to start a run, from HTTP or the <c>agent-runs</c> queue.</summary>
/// <param name="Source"><c>http</c> or <c>queue</c>.</param>
/// <param name="TraceParent">The caller's W3C traceparent, if any; a new one is made otherwise.</param>
public sealed record StartRunRequest(
    string TenantId,
    string Goal,
    int? MaxSteps,
    decimal? BudgetUsd,
    string? CorrelationId,
    IReadOnlyDictionary<string, string>? Metadata,
    string? IdempotencyKey,
    string Source,
    string? TraceParent);
