using System.Text.Json;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Azure.Runs;

/// <summary>Moves a received message to its poison queue with the reason, then removes it from its own queue.</summary>
internal static class PoisonQueue
{
    public static async Task MoveAsync(
        QueueStorageClient queues, string queue, string poisonQueue, ReceivedQueueMessage message, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The send comes first so a crash in between leaves a duplicate, never a loss.
        await SendAsync(queues, poisonQueue, new PoisonEnvelope(reason, now, message.DequeueCount, message.Text ?? message.RawText), cancellationToken);
        await queues.DeleteMessageAsync(queue, message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <summary>Writes the envelope to the poison queue; poison messages are kept until someone looks at them.</summary>
    public static Task SendAsync(QueueStorageClient queues, string poisonQueue, PoisonEnvelope envelope, CancellationToken cancellationToken)
    {
        RunTelemetry.RecordPoison(poisonQueue);
        return queues.SendMessageAsync(
            poisonQueue, JsonSerializer.Serialize(envelope, RunsJsonContext.Default.PoisonEnvelope), timeToLive: Timeout.InfiniteTimeSpan, cancellationToken: cancellationToken);
    }
}

/// <summary>
/// What goes to a <c>-poison</c> queue: why the message could not be processed, when and after how many
/// deliveries it was received, and the original message text exactly as it arrived.
/// </summary>
internal sealed record PoisonEnvelope(string Reason, DateTimeOffset ReceivedAt, long DequeueCount, string Message);
