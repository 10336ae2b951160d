namespace FunctionAgents.Core.Engine;

/// <summary>The journal engine's internal queue of runs to advance (at-least-once delivery).</summary>
public interface IWorkQueue
{
    Task EnqueueAsync(string runId, TimeSpan? delay = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkItem>> ReceiveAsync(int maxItems, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Keeps the item invisible for another <paramref name="visibilityTimeout"/>; returns it with its new pop receipt.</summary>
    Task<WorkItem> RenewAsync(WorkItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    Task CompleteAsync(WorkItem item, CancellationToken cancellationToken = default);

    /// <summary>Moves the item to the poison queue with <paramref name="reason"/> and removes it from this one.</summary>
    Task PoisonAsync(WorkItem item, string reason, CancellationToken cancellationToken = default);
}
