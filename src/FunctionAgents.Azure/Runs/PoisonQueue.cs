using System.Text.Json;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.Runs;

/// <summary>Moves a received message to its poison queue with the reason, then removes it from its own queue.</summary>
internal static class PoisonQueue
{
    public static async Task MoveAsync(
        QueueStorageClient queues, string queue, string poisonQueue, QueueMessage message, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var envelope = new PoisonEnvelope(reason, now, message.DequeueCount, message.Text ?? message.RawText);
        var text = JsonSerializer.Serialize(envelope, RunsJsonContext.Default.PoisonEnvelope);

        // Poison messages are kept until someone looks at them; the send comes first so a crash in between
        // leaves a duplicate, never a loss.
        await queues.SendMessageAsync(poisonQueue, text, timeToLive: Timeout.InfiniteTimeSpan, cancellationToken: cancellationToken);
        await queues.DeleteMessageAsync(queue, message.MessageId, message.PopReceipt, cancellationToken);
    }
}
