using System.Text.Json;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Hosting;

namespace FunctionAgents.Azure.Runs;

/// <summary>
/// The journal engine's work queue on Azure Queue storage (<c>agent-work</c>, poison <c>agent-work-poison</c>).
/// A message that is not a work item is moved to the poison queue when received, never handed to the engine.
/// </summary>
internal sealed class QueueWorkQueue : IWorkQueue
{
    /// <summary>The queue service's longest initial invisibility.</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private readonly QueueStorageClient _queues;
    private readonly string _queue;
    private readonly string _poison;
    private readonly TimeProvider _clock;

    public QueueWorkQueue(QueueStorageClient queues, StorageNames names, TimeProvider clock)
    {
        _queues = queues;
        _queue = names.Work;
        _poison = names.WorkPoison;
        _clock = clock;
    }

    public async Task EnqueueAsync(string runId, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var text = JsonSerializer.Serialize(new WorkMessage(runId), RunsJsonContext.Default.WorkMessage);
        var visibility = delay is { } d && d > TimeSpan.Zero ? (d > MaxDelay ? MaxDelay : d) : (TimeSpan?)null;

        // A wake-up may lie days ahead; the message must outlive its own delay.
        await _queues.SendMessageAsync(_queue, text, visibility, Timeout.InfiniteTimeSpan, cancellationToken);
    }

    public async Task<IReadOnlyList<WorkItem>> ReceiveAsync(int maxItems, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var count = Math.Clamp(maxItems, 1, QueueStorageClient.MaxMessagesPerReceive);
        var messages = await _queues.ReceiveMessagesAsync(_queue, count, visibilityTimeout, cancellationToken);
        var items = new List<WorkItem>(messages.Count);
        foreach (var message in messages)
        {
            if (Parse(message.Text) is { } runId)
            {
                items.Add(new WorkItem(message.MessageId, message.PopReceipt, runId, message.DequeueCount));
            }
            else
            {
                await PoisonQueue.MoveAsync(
                    _queues, _queue, _poison, message, "not a work item: expected JSON {\"runId\": \"…\"}", _clock.GetUtcNow(), cancellationToken);
            }
        }

        return items;
    }

    public async Task<WorkItem> RenewAsync(WorkItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var receipt = await _queues.UpdateVisibilityAsync(_queue, item.MessageId, item.PopReceipt, visibilityTimeout, cancellationToken);
        return item with { PopReceipt = receipt };
    }

    public Task CompleteAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _queues.DeleteMessageAsync(_queue, item.MessageId, item.PopReceipt, cancellationToken);
    }

    public Task PoisonAsync(WorkItem item, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = JsonSerializer.Serialize(new WorkMessage(item.RunId), RunsJsonContext.Default.WorkMessage);
        var message = new ReceivedQueueMessage(item.MessageId, item.PopReceipt, item.DequeueCount, default, default, default, text, text);
        return PoisonQueue.MoveAsync(_queues, _queue, _poison, message, reason, _clock.GetUtcNow(), cancellationToken);
    }

    internal static string? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, RunsJsonContext.Default.WorkMessage)?.RunId is { Length: > 0 } runId ? runId : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
