using FunctionAgents.Core.Engine;

namespace FunctionAgents.Core.Tests.Runs.Fakes;

/// <summary>A work queue with visibility semantics driven by a ManualClock.</summary>
internal sealed class InMemoryWorkQueue(TimeProvider clock) : IWorkQueue
{
    private readonly Lock _gate = new();
    private readonly List<Message> _messages = [];
    private int _next;

    public List<(string RunId, string Reason)> Poisoned { get; } = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    public Task EnqueueAsync(string runId, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _messages.Add(new Message($"m{++_next}", runId) { VisibleAt = clock.GetUtcNow() + (delay ?? TimeSpan.Zero) });
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkItem>> ReceiveAsync(int maxItems, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var taken = _messages.Where(m => m.VisibleAt <= now).Take(maxItems).ToList();
            foreach (var m in taken)
            {
                m.VisibleAt = now + visibilityTimeout;
                m.Dequeues++;
                m.Receipt = $"r{++_next}";
            }

            return Task.FromResult<IReadOnlyList<WorkItem>>(taken.Select(m => new WorkItem(m.Id, m.Receipt, m.RunId, m.Dequeues)).ToList());
        }
    }

    public Task<WorkItem> RenewAsync(WorkItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var m = _messages.Single(x => x.Id == item.MessageId && x.Receipt == item.PopReceipt);
            m.VisibleAt = clock.GetUtcNow() + visibilityTimeout;
            m.Receipt = $"r{++_next}";
            return Task.FromResult(item with { PopReceipt = m.Receipt });
        }
    }

    public Task CompleteAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _messages.RemoveAll(m => m.Id == item.MessageId && m.Receipt == item.PopReceipt);
        }

        return Task.CompletedTask;
    }

    public Task PoisonAsync(WorkItem item, string reason, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _messages.RemoveAll(m => m.Id == item.MessageId);
            Poisoned.Add((item.RunId, reason));
        }

        return Task.CompletedTask;
    }

    /// <summary>Makes every message visible now (as if its visibility timeout ran out).</summary>
    public void ExpireVisibility()
    {
        lock (_gate)
        {
            foreach (var m in _messages)
            {
                m.VisibleAt = DateTimeOffset.MinValue;
            }
        }
    }

    private sealed class Message(string id, string runId)
    {
        public string Id { get; } = id;

        public string RunId { get; } = runId;

        public DateTimeOffset VisibleAt { get; set; }

        public string Receipt { get; set; } = string.Empty;

        public int Dequeues { get; set; }
    }
}
