using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Cli.Tests.Support;

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
