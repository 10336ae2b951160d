using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

internal sealed class InMemoryRunIndex : IRunIndex
{
    private readonly ConcurrentDictionary<string, RunSummary> _rows = new();

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
        Task.FromResult(new RunPage(_rows.Values.Where(r => r.TenantId == query.TenantId).ToList(), null));

    public async IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in _rows.Values.Where(r => DateOnly.FromDateTime(r.CreatedAt.UtcDateTime) == day))
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in _rows.Values.Where(r => r.UpdatedAt < updatedBefore && r.Status is not (Domain.Runs.RunStatus.Completed or Domain.Runs.RunStatus.Failed or Domain.Runs.RunStatus.Cancelled)))
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
