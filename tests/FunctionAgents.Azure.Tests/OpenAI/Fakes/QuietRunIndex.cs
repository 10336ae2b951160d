using System.Runtime.CompilerServices;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>A run index that keeps the latest summary per run and lists nothing by day.</summary>
internal sealed class QuietRunIndex : IRunIndex
{
    private readonly Dictionary<string, RunSummary> _rows = [];

    public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            _rows.TryAdd(summary.RunId, summary);
        }

        return Task.CompletedTask;
    }

    public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            _rows[summary.RunId] = summary;
        }

        return Task.CompletedTask;
    }

    public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            return Task.FromResult(_rows.TryGetValue(runId, out var row) && row.TenantId == tenantId ? row : null);
        }
    }

    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            return Task.FromResult(new RunPage(_rows.Values.Where(r => r.TenantId == query.TenantId).ToList(), null));
        }
    }

    public async IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public async IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
