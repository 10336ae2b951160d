using FunctionAgents.Domain.Runs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Middleware that bounds every attempt in time (<see cref="AzureOpenAIOptions.AttemptTimeout"/>, FA_MODEL_ATTEMPT_TIMEOUT)
/// and retries 408, 429, 5xx, network failures and attempt timeouts at most <see cref="AzureOpenAIOptions.MaxRetries"/>
/// times (FA_MODEL_MAX_RETRIES): exponential from <see cref="AzureOpenAIOptions.RetryDelay"/>, a longer Retry-After wins,
/// no wait exceeds <see cref="AzureOpenAIOptions.MaxRetryDelay"/>, and a Retry-After beyond it ends the call at once
/// rather than sleeping through the caller's time limit. 401 and 403 are never retried. It sits under every provider,
/// so the providers' own retries are switched off; the total limit (FA_MODEL_TIMEOUT) is the caller's token. A call
/// that fails for good leaves as a <see cref="RunFailureException"/> with one of <see cref="ModelFailureCodes"/>.
/// </summary>
internal sealed partial class RetryingChatClient : DelegatingChatClient
{
    private readonly AzureOpenAIOptions _options;
    private readonly string _deployment;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;

    public RetryingChatClient(IChatClient innerClient, AzureOpenAIOptions options, string deployment, ILogger logger, TimeProvider clock)
        : base(innerClient)
    {
        _options = options;
        _deployment = deployment;
        _logger = logger;
        _clock = clock;
    }

    /// <inheritdoc />
    /// <exception cref="RunFailureException">
    /// The call failed for good; its code and message (<see cref="ModelFailures"/>) name the cause and never quote the
    /// endpoint's response, so the logging and tracing middleware above never sees a body that may echo a key.
    /// </exception>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var failures = new List<Exception>();
        for (var retry = 0; ; retry++)
        {
            using var attemptTimeout = new CancellationTokenSource(_options.AttemptTimeout, _clock);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
            try
            {
                return await base.GetResponseAsync(sent, options, attempt.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var failure = attemptTimeout.IsCancellationRequested && ex is OperationCanceledException
                    ? new TimeoutException($"no answer within {_options.AttemptTimeout.TotalSeconds} s", ex)
                    : ex;
                failures.Add(failure);
                var delay = retry < _options.MaxRetries && ModelErrors.IsRetryable(failure) ? Delay(failure, retry + 1) : null;
                if (delay is null)
                {
                    // Every attempt timed out: all of them go in, so the failure names the count.
                    var final = failures.Count > 1 && failures.All(f => f is TimeoutException) ? new AggregateException(failures) : failure;
                    throw ModelFailures.Describe(final, totalTimedOut: false, _deployment, _options, _clock);
                }

                await Task.Delay(delay!.Value, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan? Delay(Exception failure, int retry)
    {
        var status = ModelErrors.Status(failure);
        var asked = ModelErrors.RetryAfter(failure, _clock);
        if (asked > _options.MaxRetryDelay)
        {
            Log.RetryAfterTooLong(_logger, _deployment, status ?? 0, (long)asked.Value.TotalMilliseconds, (long)_options.MaxRetryDelay.TotalMilliseconds);
            return null;
        }

        var backoff = _options.RetryDelay * Math.Pow(2, Math.Min(retry - 1, 16));
        var delay = asked is { } wanted && wanted > backoff ? wanted : backoff;
        if (delay > _options.MaxRetryDelay)
        {
            delay = _options.MaxRetryDelay;
        }

        if (status is { } answered)
        {
            Log.Retrying(_logger, _deployment, answered, retry, _options.MaxRetries, (long)delay.TotalMilliseconds);
        }
        else
        {
            Log.RetryingWithoutResponse(_logger, _deployment, retry, _options.MaxRetries, (long)delay.TotalMilliseconds);
        }

        return delay;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 240, Level = LogLevel.Warning, Message = "Model deployment {Deployment} answered {Status}; retry {Retry} of {MaxRetries} in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, string deployment, int status, int retry, int maxRetries, long delayMs);

        [LoggerMessage(EventId = 242, Level = LogLevel.Warning, Message = "Model deployment {Deployment} did not answer (network failure or attempt timeout); retry {Retry} of {MaxRetries} in {DelayMs} ms")]
        public static partial void RetryingWithoutResponse(ILogger logger, string deployment, int retry, int maxRetries, long delayMs);

        [LoggerMessage(EventId = 241, Level = LogLevel.Warning, Message = "Model deployment {Deployment} answered {Status} with Retry-After {RetryAfterMs} ms, longer than the {MaxDelayMs} ms limit; not retrying")]
        public static partial void RetryAfterTooLong(ILogger logger, string deployment, int status, long retryAfterMs, long maxDelayMs);
    }
}
