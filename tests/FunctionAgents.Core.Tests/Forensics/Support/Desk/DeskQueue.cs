using FunctionAgents.Core.Engine;

namespace FunctionAgents.Core.Tests.Forensics.Support.Desk;

/// <summary>The rig drives the engine itself; wake-ups are only counted.</summary>
internal sealed class DeskQueue : IWorkQueue
{
    public int Enqueued { get; private set; }

    public Task EnqueueAsync(string runId, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        Enqueued++;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkItem>> ReceiveAsync(int maxItems, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkItem>>([]);

    public Task<WorkItem> RenewAsync(WorkItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => Task.FromResult(item);

    public Task CompleteAsync(WorkItem item, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task PoisonAsync(WorkItem item, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
