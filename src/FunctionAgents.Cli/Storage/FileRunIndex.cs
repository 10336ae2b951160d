using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Cli.Storage;

/// <summary>A read-only runs index over the runs of an exported journal.</summary>
internal sealed class FileRunIndex(IReadOnlyList<RunSummary> runs) : IRunIndex
{
    public Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default) => throw ReadOnly();

    public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default) => throw ReadOnly();

    public Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(runs.FirstOrDefault(r => r.TenantId == tenantId && r.RunId == runId));

    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = runs
            .Where(r => r.TenantId == query.TenantId
                && (query.Status is null || r.Status == query.Status)
                && (query.From is null || r.CreatedAt >= query.From)
                && (query.To is null || r.CreatedAt < query.To))
            .OrderBy(r => r.RunId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new RunPage(rows, null));
    }

    public async IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var run in runs.Where(r => DateOnly.FromDateTime(r.CreatedAt.UtcDateTime) == day).OrderBy(r => r.RunId, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return run;
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var run in runs.Where(r => r.UpdatedAt < updatedBefore && r.Status is RunStatus.Running or RunStatus.AwaitingApproval))
        {
            yield return run;
        }

        await Task.CompletedTask;
    }

    private static InvalidOperationException ReadOnly() => new("An exported journal is read-only.");
}
