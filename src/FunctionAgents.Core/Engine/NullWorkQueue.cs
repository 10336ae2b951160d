namespace FunctionAgents.Core.Engine;

/// <summary>
/// The work queue of a host that schedules runs itself (Durable Functions starts an orchestration and raises
/// events instead): enqueueing does nothing, and there is never anything to receive.
/// </summary>
public sealed class NullWorkQueue : IWorkQueue
{
    public static NullWorkQueue Instance { get; } = new();

    public Task EnqueueAsync(string runId, TimeSpan? delay = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<WorkItem>> ReceiveAsync(int maxItems, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkItem>>([]);

    public Task<WorkItem> RenewAsync(WorkItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => Task.FromResult(item);

    public Task CompleteAsync(WorkItem item, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task PoisonAsync(WorkItem item, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
