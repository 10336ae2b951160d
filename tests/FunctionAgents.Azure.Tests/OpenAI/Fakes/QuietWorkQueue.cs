using FunctionAgents.Core.Engine;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>A work queue that only counts what is enqueued: the tests drive the engine directly.</summary>
internal sealed class QuietWorkQueue : IWorkQueue
{
    private int _enqueued;

    public int Enqueued => _enqueued;

    public Task EnqueueAsync(string runId, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _enqueued);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkItem>> ReceiveAsync(int maxItems, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkItem>>([]);

    public Task<WorkItem> RenewAsync(WorkItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => Task.FromResult(item);

    public Task CompleteAsync(WorkItem item, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task PoisonAsync(WorkItem item, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
