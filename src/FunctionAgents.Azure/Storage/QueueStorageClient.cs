using System.Globalization;
using Azure.Core;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// The Queue service operations FunctionAgents uses. Message text is Base64-encoded UTF-8 on the wire
/// by default (<see cref="StorageClientOptions.MessageEncoding"/>), as Azure Functions queue triggers
/// expect. Thread-safe; share one instance per connection. Failures throw <see cref="StorageRequestException"/>.
/// </summary>
public sealed class QueueStorageClient
{
    /// <summary>The Queue service REST version sent as x-ms-version.</summary>
    public const string ServiceVersion = "2019-02-02";

    /// <summary>The most messages one receive returns.</summary>
    public const int MaxMessagesPerReceive = 32;

    private readonly StorageHttp _http;
    private readonly QueueMessageEncoding _encoding;

    /// <param name="connection">Endpoint and credential (SharedKey or token).</param>
    /// <param name="options">Retry, transport, extra pipeline policies and message encoding; <see cref="StorageClientOptions"/> defaults when null.</param>
    public QueueStorageClient(StorageConnection connection, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new StorageClientOptions();
        _http = new StorageHttp(connection, StorageService.Queue, options);
        _encoding = options.MessageEncoding;
    }

    /// <summary>The Queue service endpoint requests go to.</summary>
    public Uri Endpoint => _http.Endpoint;

    /// <summary>Creates the queue; returns false if it already existed.</summary>
    public async Task<bool> CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        using var message = _http.CreateMessage(RequestMethod.Put, "/" + queue, ServiceVersion);
        var operation = $"Create queue '{queue}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => true,
            204 => false,
            409 when StorageError.Read(response).Code == "QueueAlreadyExists" => false,
            _ => throw StorageHttp.Failure(response, operation),
        };
    }

    /// <summary>Deletes the queue and its messages; returns false if it did not exist.</summary>
    public async Task<bool> DeleteQueueAsync(string queue, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        using var message = _http.CreateMessage(RequestMethod.Delete, "/" + queue, ServiceVersion);
        var operation = $"Delete queue '{queue}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StorageHttp.Failure(response, operation),
        };
    }

    /// <summary>
    /// Sends a message. <paramref name="visibilityDelay"/> hides it for up to 7 days first;
    /// <paramref name="timeToLive"/> defaults to the service's 7 days, <see cref="Timeout.InfiniteTimeSpan"/> means never expire.
    /// </summary>
    public async Task<QueueSendReceipt> SendMessageAsync(
        string queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(text);
        using var message = _http.CreateMessage(RequestMethod.Post, $"/{queue}/messages", ServiceVersion);
        if (visibilityDelay is { } delay)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(delay, nameof(visibilityDelay)), false);
        }

        if (timeToLive is { } ttl)
        {
            message.Request.Uri.AppendQuery("messagettl", ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl, nameof(timeToLive)), false);
        }

        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(QueueXml.MessageBody(QueueXml.Encode(text, _encoding)));
        var operation = $"Send a message to queue '{queue}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201)
        {
            throw StorageHttp.Failure(response, operation);
        }

        var sent = QueueXml.Messages(response.Content.ToString()).Single();
        return new QueueSendReceipt(
            QueueXml.Text(sent, "MessageId"),
            QueueXml.Text(sent, "PopReceipt"),
            QueueXml.Time(sent, "InsertionTime"),
            QueueXml.Time(sent, "ExpirationTime"),
            QueueXml.Time(sent, "TimeNextVisible"));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32) messages and hides them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        string queue, int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        using var message = _http.CreateMessage(RequestMethod.Get, $"/{queue}/messages", ServiceVersion);
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture), false);
        if (visibilityTimeout is { } timeout)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(timeout, nameof(visibilityTimeout)), false);
        }

        var operation = $"Receive messages from queue '{queue}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw StorageHttp.Failure(response, operation);
        }

        return QueueXml.Messages(response.Content.ToString())
            .Select(m =>
            {
                var raw = QueueXml.Text(m, "MessageText");
                return new QueueMessage(
                    QueueXml.Text(m, "MessageId"),
                    QueueXml.Text(m, "PopReceipt"),
                    long.Parse(QueueXml.Text(m, "DequeueCount"), CultureInfo.InvariantCulture),
                    QueueXml.Time(m, "InsertionTime"),
                    QueueXml.Time(m, "ExpirationTime"),
                    QueueXml.Time(m, "TimeNextVisible"),
                    QueueXml.Decode(raw, _encoding),
                    raw);
            })
            .ToList();
    }

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> from now (0 makes it visible at once); returns the new pop receipt.</summary>
    public async Task<string> UpdateVisibilityAsync(
        string queue, string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _http.CreateMessage(RequestMethod.Put, $"/{queue}/messages/{Uri.EscapeDataString(messageId)}", ServiceVersion);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt, true);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, nameof(visibilityTimeout)), false);
        var operation = $"Update visibility of message {messageId} in queue '{queue}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204 || !response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt))
        {
            throw StorageHttp.Failure(response, operation);
        }

        return newReceipt;
    }

    /// <summary>Deletes a received message; returns false if it was already gone (or the pop receipt is stale).</summary>
    public async Task<bool> DeleteMessageAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _http.CreateMessage(RequestMethod.Delete, $"/{queue}/messages/{Uri.EscapeDataString(messageId)}", ServiceVersion);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt, true);
        var operation = $"Delete message {messageId} from queue '{queue}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StorageHttp.Failure(response, operation),
        };
    }

    /// <summary>The service's approximate number of messages in the queue (visible or not).</summary>
    public async Task<int> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        using var message = _http.CreateMessage(RequestMethod.Get, "/" + queue, ServiceVersion);
        message.Request.Uri.AppendQuery("comp", "metadata", false);
        var operation = $"Read the message count of queue '{queue}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200
            || !response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw StorageHttp.Failure(response, operation);
        }

        return value;
    }

    /// <summary>Queue names: 3–63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    private static void ValidateQueueName(string queue)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        var valid = queue.Length is >= 3 and <= 63
            && queue.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && queue[0] != '-' && queue[^1] != '-'
            && !queue.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException($"Queue name '{queue}' is invalid: 3 to 63 lowercase letters, digits and single hyphens.", nameof(queue));
        }
    }

    private static string Seconds(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, name);
        return ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
