using System.Text.Json;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Runs;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.Runs;

/// <summary>
/// Starts runs from <c>agent-runs</c> messages exactly as POST /api/runs does. A message that can never
/// succeed (not JSON, missing tenant or goal, failing validation) goes to <c>agent-runs-poison</c> at once with
/// the reason; a transient failure (storage) is retried with backoff and poisoned after
/// <see cref="AgentRunsIntakeOptions.MaxAttempts"/> deliveries. Nothing a message contains can stop the listener.
/// </summary>
public sealed partial class AgentRunsIntake
{
    private readonly QueueStorageClient _queues;
    private readonly RunCommands _commands;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly AgentRunsIntakeOptions _options;
    private readonly string _queue;
    private readonly string _poison;

    public AgentRunsIntake(
        QueueStorageClient queues, StorageNames names, RunCommands commands, TimeProvider clock, ILogger<AgentRunsIntake> logger, AgentRunsIntakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        _queues = queues;
        _commands = commands;
        _clock = clock;
        _logger = logger;
        _options = options ?? new AgentRunsIntakeOptions();
        _queue = names.AgentRuns;
        _poison = names.AgentRunsPoison;
    }

    /// <summary>
    /// Parses, validates and starts one message's run. Returns a rejection for a message that can never
    /// succeed; throws for a transient failure (the caller retries the message).
    /// </summary>
    public async Task<AgentRunIntakeResult> HandleAsync(string? messageText, CancellationToken cancellationToken = default)
    {
        if (messageText is null)
        {
            return AgentRunIntakeResult.Rejected("the message body is not Base64-encoded UTF-8 text");
        }

        StartRunRequest? request;
        IReadOnlyList<FieldError> errors;
        try
        {
            using var document = JsonDocument.Parse(messageText);
            request = StartRunJson.ReadMessage(document.RootElement, out errors);
        }
        catch (JsonException ex)
        {
            return AgentRunIntakeResult.Rejected($"the message is not valid JSON: {ex.Message}");
        }

        if (request is null)
        {
            return AgentRunIntakeResult.Rejected("invalid run request: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
        }

        var started = await _commands.StartAsync(request, cancellationToken);
        return new AgentRunIntakeResult(started.RunId, started.Created, null);
    }

    /// <summary>
    /// Writes a rejected message to <c>agent-runs-poison</c> with its reason, for a host whose trigger owns the
    /// message (the Functions queue trigger completes it once the function returns).
    /// </summary>
    public async Task PoisonAsync(string? messageText, string reason, long dequeueCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        await PoisonQueue.SendAsync(_queues, _poison, new PoisonEnvelope(reason, _clock.GetUtcNow(), dequeueCount, messageText ?? string.Empty), cancellationToken);
        Log.Poisoned(_logger, "(trigger)", _poison, reason);
    }

    /// <summary>Polls the queue until <paramref name="cancellationToken"/> fires, backing off while it is empty.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMilliseconds(50);
        while (!cancellationToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await ProcessBatchAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PollFailed(_logger, _queue, ex);
                received = 0;
            }

            idle = received > 0 ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollInterval.Ticks));
            if (received == 0)
            {
                try
                {
                    await Task.Delay(idle, _clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Receives one batch and handles every message in it; returns how many were received.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var messages = await _queues.ReceiveMessagesAsync(_queue, Math.Clamp(_options.BatchSize, 1, QueueStorageClient.MaxMessagesPerReceive), _options.VisibilityTimeout, cancellationToken);
        await Task.WhenAll(messages.Select(m => ProcessAsync(m, cancellationToken)));
        return messages.Count;
    }

    private async Task ProcessAsync(ReceivedQueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > _options.MaxAttempts)
        {
            // Earlier deliveries never finished (the process died while working on them).
            await PoisonAsync(message, $"gave up after {message.DequeueCount - 1} deliveries that did not complete", cancellationToken);
            return;
        }

        AgentRunIntakeResult result;
        try
        {
            result = await HandleAsync(message.Text, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RetryOrPoisonAsync(message, ex, cancellationToken);
            return;
        }

        if (result.Rejection is { } reason)
        {
            await PoisonAsync(message, reason, cancellationToken);
            return;
        }

        await _queues.DeleteMessageAsync(_queue, message.MessageId, message.PopReceipt, cancellationToken);
        Log.Started(_logger, message.MessageId, result.RunId!, result.Created);
    }

    private async Task RetryOrPoisonAsync(ReceivedQueueMessage message, Exception failure, CancellationToken cancellationToken)
    {
        if (message.DequeueCount >= _options.MaxAttempts)
        {
            await PoisonAsync(message, $"failed {message.DequeueCount} times; last error: {failure.GetType().Name}: {failure.Message}", cancellationToken);
            return;
        }

        Log.Retrying(_logger, message.MessageId, message.DequeueCount, failure);
        var backoff = TimeSpan.FromTicks(_options.RetryDelay.Ticks << (int)Math.Min(message.DequeueCount - 1, 10));
        try
        {
            await _queues.UpdateVisibilityAsync(_queue, message.MessageId, message.PopReceipt, backoff < _options.VisibilityTimeout ? backoff : _options.VisibilityTimeout, cancellationToken);
        }
        catch (StorageException ex)
        {
            // The message reappears after its visibility timeout anyway.
            Log.BackoffFailed(_logger, message.MessageId, ex);
        }
    }

    private async Task PoisonAsync(ReceivedQueueMessage message, string reason, CancellationToken cancellationToken)
    {
        await PoisonQueue.MoveAsync(_queues, _queue, _poison, message, reason, _clock.GetUtcNow(), cancellationToken);
        Log.Poisoned(_logger, message.MessageId, _poison, reason);
    }
}

/// <summary>What became of one <c>agent-runs</c> message: a run (new or the one its Idempotency-Key already had), or a rejection.</summary>
/// <param name="Rejection">Why the message can never start a run (malformed or invalid); null when it did.</param>
public sealed record AgentRunIntakeResult(string? RunId, bool Created, string? Rejection)
{
    public bool IsRejected => Rejection is not null;

    public static AgentRunIntakeResult Rejected(string reason) => new(null, false, reason);
}

/// <summary>How the <c>agent-runs</c> listener polls and retries.</summary>
public sealed record AgentRunsIntakeOptions
{
    /// <summary>Messages taken per poll (at most 32).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>How long a received message stays invisible while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries before a message that keeps failing is poisoned (the Functions <c>maxDequeueCount</c>).</summary>
    public int MaxAttempts { get; init; } = StorageNames.Queues.MaxDequeueCount;

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry delay after a transient failure; doubled per delivery.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
