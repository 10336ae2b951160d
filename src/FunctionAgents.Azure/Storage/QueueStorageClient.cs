using System.Text;
using Azure.Storage.Queues.Models;
using Azure.Storage.Queues;
using Azure;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// The Queue operations FunctionAgents uses, on the SDK's <see cref="QueueServiceClient"/>: messages are sent
/// with Base64 encoding (<see cref="QueueMessageEncoding.Base64"/>, what Azure Functions queue triggers expect)
/// and received undecoded, then decoded here, so a message that is not Base64 of UTF-8 comes back with
/// <see cref="ReceivedQueueMessage.Text"/> null (poison) instead of failing the receive. Failures throw Core's
/// storage exceptions. Thread-safe; share one instance.
/// </summary>
public sealed class QueueStorageClient
{
    /// <summary>The most messages one receive returns.</summary>
    public const int MaxMessagesPerReceive = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly QueueServiceClient _queues;
    private readonly QueueServiceClient _rawQueues;

    /// <param name="queues">The SDK client with <see cref="QueueMessageEncoding.Base64"/>, for sends and management.</param>
    /// <param name="rawQueues">The same account with <see cref="QueueMessageEncoding.None"/>, for receives.</param>
    public QueueStorageClient(QueueServiceClient queues, QueueServiceClient rawQueues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(rawQueues);
        _queues = queues;
        _rawQueues = rawQueues;
    }

    /// <summary>The SDK client underneath (Base64 message encoding).</summary>
    public QueueServiceClient Service => _queues;

    /// <summary>The Queue service endpoint requests go to.</summary>
    public Uri Endpoint => _queues.Uri;

    /// <summary>Creates the queue; returns false if it already existed.</summary>
    public Task<bool> CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default) =>
        StorageErrors.RunAsync($"Create queue '{queue}'", async () =>
        {
            // The SDK answers null when the queue was already there.
            var response = await _queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response is not null && response.Status == 201;
        });

    /// <summary>Deletes the queue and its messages; returns false if it did not exist.</summary>
    public Task<bool> DeleteQueueAsync(string queue, CancellationToken cancellationToken = default) =>
        StorageErrors.RunAsync($"Delete queue '{queue}'", async () =>
            (await _queues.GetQueueClient(queue).DeleteIfExistsAsync(cancellationToken).ConfigureAwait(false)).Value);

    /// <summary>
    /// Sends a message. <paramref name="visibilityDelay"/> hides it for up to 7 days first;
    /// <paramref name="timeToLive"/> defaults to the service's 7 days, <see cref="Timeout.InfiniteTimeSpan"/> means never expire.
    /// </summary>
    public Task<QueueSendReceipt> SendMessageAsync(
        string queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ttl = timeToLive == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(-1) : timeToLive;
        return StorageErrors.RunAsync($"Send a message to queue '{queue}'", async () =>
        {
            var receipt = (await _queues.GetQueueClient(queue).SendMessageAsync(text, WholeSeconds(visibilityDelay), ttl, cancellationToken).ConfigureAwait(false)).Value;
            return new QueueSendReceipt(receipt.MessageId, receipt.PopReceipt, receipt.InsertionTime, receipt.ExpirationTime, receipt.TimeNextVisible);
        });
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32) messages and hides them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public Task<IReadOnlyList<ReceivedQueueMessage>> ReceiveMessagesAsync(
        string queue, int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        return StorageErrors.RunAsync<IReadOnlyList<ReceivedQueueMessage>>($"Receive messages from queue '{queue}'", async () =>
        {
            var messages = (await _rawQueues.GetQueueClient(queue).ReceiveMessagesAsync(maxMessages, WholeSeconds(visibilityTimeout), cancellationToken).ConfigureAwait(false)).Value;
            return messages.Select(ToReceived).ToList();
        });
    }

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> from now (0 makes it visible at once); returns the new pop receipt.</summary>
    public Task<string> UpdateVisibilityAsync(
        string queue, string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return StorageErrors.RunAsync($"Update visibility of message {messageId} in queue '{queue}'", async () =>
            (await _queues.GetQueueClient(queue).UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: WholeSeconds(visibilityTimeout)!.Value, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.PopReceipt);
    }

    /// <summary>Deletes a received message; returns false if it was already gone (or the pop receipt is stale).</summary>
    public Task<bool> DeleteMessageAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return StorageErrors.RunAsync($"Delete message {messageId} from queue '{queue}'", async () =>
        {
            try
            {
                await _queues.GetQueueClient(queue).DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return false;
            }
        });
    }

    /// <summary>The service's approximate number of messages in the queue (visible or not).</summary>
    public Task<int> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default) =>
        StorageErrors.RunAsync($"Read the message count of queue '{queue}'", async () =>
            (await _queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount);

    // The service counts visibility in whole seconds and the SDK truncates; round up so a sub-second timeout is not 0.
    private static TimeSpan? WholeSeconds(TimeSpan? value)
    {
        if (value is not { } span)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero, nameof(value));
        return TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds));
    }

    private static ReceivedQueueMessage ToReceived(QueueMessage message)
    {
        var raw = message.Body.ToString();
        return new ReceivedQueueMessage(
            message.MessageId,
            message.PopReceipt,
            message.DequeueCount,
            message.InsertedOn ?? DateTimeOffset.MinValue,
            message.ExpiresOn ?? DateTimeOffset.MaxValue,
            message.NextVisibleOn ?? DateTimeOffset.MinValue,
            Decode(raw),
            raw);
    }

    // Base64 of UTF-8, exactly what QueueMessageEncoding.Base64 sends; anything else is poison, reported as null.
    private static string? Decode(string raw)
    {
        var bytes = new byte[raw.Length];
        if (!Convert.TryFromBase64String(raw, bytes, out var written))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}

/// <summary>What the service says about a message it accepted.</summary>
public sealed record QueueSendReceipt(
    string MessageId,
    string PopReceipt,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn);

/// <summary>A message received from a queue; pass <see cref="MessageId"/> and <see cref="PopReceipt"/> back to update or delete it.</summary>
/// <param name="MessageId">The service's id of the message.</param>
/// <param name="PopReceipt">Proof of this receipt; needed to update or delete the message, replaced by each update.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="InsertedOn">When the message was sent.</param>
/// <param name="ExpiresOn">When the message expires.</param>
/// <param name="NextVisibleOn">When the message becomes visible again unless deleted.</param>
/// <param name="Text">The decoded text, or null when the body is not Base64 of UTF-8 (the encoding Azure Functions queue triggers expect): a poison message, see <paramref name="RawText"/>.</param>
/// <param name="RawText">The message text exactly as stored.</param>
public sealed record ReceivedQueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn,
    string? Text,
    string RawText);
