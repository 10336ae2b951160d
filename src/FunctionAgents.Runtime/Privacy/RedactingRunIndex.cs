using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The run index with personal data redacted from the goal it keeps (<see cref="PiiRedactor"/>): the index is a
/// projection no data key protects, so it lists runs by a goal a person cannot be recognized from by pattern, and
/// an erasure replaces it with <see cref="PersonalData.ErasedText"/> (<see cref="SubjectEraser"/>).
/// </summary>
public sealed class RedactingRunIndex : IRunIndex
{
    private readonly IRunIndex _inner;

    public RedactingRunIndex(IRunIndex inner) => _inner = inner;

    public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default) =>
        _inner.TryAddAsync(Redact(summary), cancellationToken);

    public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default) =>
        _inner.UpsertAsync(Redact(summary), cancellationToken);

    public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default) =>
        _inner.GetAsync(tenantId, runId, cancellationToken);

    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) =>
        _inner.ListAsync(query, cancellationToken);

    public IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        _inner.ListByDayAsync(day, cancellationToken);

    public IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        _inner.ListStaleAsync(updatedBefore, cancellationToken);

    private static RunSummary Redact(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary with { Goal = PiiRedactor.Redact(summary.Goal) };
    }
}
