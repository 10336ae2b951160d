using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Cli.Tests.Support;

/// <summary>In-memory stand-ins for the runtime's storage: runs index, work queue, ticket store, outbox, clock.</summary>
internal sealed class MemoryRunIndex : IRunIndex
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
        Task.FromResult(new RunPage([.. _rows.Values.Where(r => r.TenantId == query.TenantId)], null));

    public async IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in _rows.Values.Where(r => DateOnly.FromDateTime(r.CreatedAt.UtcDateTime) == day))
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    public IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<RunSummary>();
}

/// <summary>No Durable engine: the CLI tests drive their runs with the orchestrator's loop (see RealRuns).</summary>
internal sealed class NoOrchestrations : IRunOrchestrations
{
    public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(RunOrchestrationStatus.None);
}

internal sealed class MemoryToolStores : ITicketStore, IEmailOutbox
{
    public Task<TicketRecord> CreateAsync(TicketRecord ticket, CancellationToken cancellationToken) => Task.FromResult(ticket);

    public Task<OutboxEmail> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken) => Task.FromResult(email);
}

internal sealed class ExecutorRunner(ToolExecutor executor) : IToolRunner
{
    public Task<ToolObservation> ExecuteAsync(ToolInvocation invocation, string toolName, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(invocation, toolName, cancellationToken);
}

internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        _now += TimeSpan.FromMilliseconds(250);
        return _now;
    }
}
