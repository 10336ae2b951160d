using System.Runtime.CompilerServices;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Tests.Forensics.Support.Desk;

/// <summary>The run index as a dictionary; enough for the commands and the window listing.</summary>
internal sealed class DeskIndex : IRunIndex
{
    private readonly Dictionary<string, RunSummary> _runs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RunSummary> Runs => _runs.Values;

    public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        _runs.TryAdd(summary.RunId, summary);
        return Task.CompletedTask;
    }

    public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        if (!_runs.TryGetValue(summary.RunId, out var stored) || stored.LastSeq <= summary.LastSeq)
        {
            _runs[summary.RunId] = summary;
        }

        return Task.CompletedTask;
    }

    public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_runs.TryGetValue(runId, out var run) && run.TenantId == tenantId ? run : null);

    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new RunPage([.. _runs.Values.Where(r => r.TenantId == query.TenantId)], null));

    public async IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var run in _runs.Values.Where(r => DateOnly.FromDateTime(r.CreatedAt.UtcDateTime) == day).ToList())
        {
            yield return run;
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
