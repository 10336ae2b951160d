using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Projections;

/// <summary>
/// A run index in memory: for runs that live in an in-memory journal (an evaluation set's runs, <c>fa eval run</c>)
/// and for tests. Not shared between processes.
/// </summary>
public sealed class InMemoryRunIndex : IRunIndex
{
    private readonly ConcurrentDictionary<string, RunSummary> _rows = new(StringComparer.Ordinal);

    public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        _rows.TryAdd(summary.RunId, summary);
        return Task.CompletedTask;
    }

    public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        _rows[summary.RunId] = summary;
        return Task.CompletedTask;
    }

    public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue(runId, out var row) && row.TenantId == tenantId ? row : null);

    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new RunPage([.. _rows.Values.Where(r => r.TenantId == query.TenantId)], null));

    public async IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in _rows.Values.Where(r => DateOnly.FromDateTime(r.CreatedAt.UtcDateTime) == day))
        {
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in _rows.Values.Where(r => r.UpdatedAt < updatedBefore && r.Status is not (RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled)))
        {
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
