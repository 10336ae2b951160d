using System.ClientModel.Primitives;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// The SDK's retry policy (System.ClientModel's <see cref="ClientRetryPolicy"/>: it retries 408, 429, 5xx and network
/// failures, at most <c>maxRetries</c> times) with the delays bounded: exponential from <c>initialDelay</c>, a longer
/// Retry-After wins, no wait exceeds <c>maxDelay</c>, and a Retry-After beyond <c>maxDelay</c> ends the call at once
/// rather than sleeping through the caller's time limit. 401 and 403 are never retried.
/// </summary>
internal sealed partial class ModelRetryPolicy : ClientRetryPolicy
{
    private readonly int _maxRetries;
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly string _deployment;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;

    public ModelRetryPolicy(int maxRetries, TimeSpan initialDelay, TimeSpan maxDelay, string deployment, ILogger logger, TimeProvider clock)
        : base(maxRetries)
    {
        _maxRetries = maxRetries;
        _initialDelay = initialDelay;
        _maxDelay = maxDelay;
        _deployment = deployment;
        _logger = logger;
        _clock = clock;
    }

    /// <summary>What the response asks for in <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>Retry-After</c> (seconds or an HTTP date).</summary>
    public static TimeSpan? RetryAfter(PipelineResponse? response, TimeProvider clock)
    {
        if (response is null)
        {
            return null;
        }

        foreach (var header in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(header, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero)
            : null;
    }

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        if (message.Response is { Status: 401 or 403 } || !base.ShouldRetry(message, exception))
        {
            return false;
        }

        if (RetryAfter(message.Response, _clock) is { } asked && asked > _maxDelay)
        {
            Log.RetryAfterTooLong(_logger, _deployment, message.Response?.Status ?? 0, (long)asked.TotalMilliseconds, (long)_maxDelay.TotalMilliseconds);
            return false;
        }

        return true;
    }

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        // tryCount numbers the retry about to be made, from 1 (the base policy's own backoff is initial * 2^(tryCount-1)).
        var retry = Math.Max(tryCount, 1);
        var backoff = _initialDelay * Math.Pow(2, Math.Min(retry - 1, 16));
        var delay = RetryAfter(message.Response, _clock) is { } asked && asked > backoff ? asked : backoff;
        if (delay > _maxDelay)
        {
            delay = _maxDelay;
        }

        if (message.Response is { } response)
        {
            Log.Retrying(_logger, _deployment, response.Status, retry, _maxRetries, (long)delay.TotalMilliseconds);
        }
        else
        {
            Log.RetryingWithoutResponse(_logger, _deployment, retry, _maxRetries, (long)delay.TotalMilliseconds);
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
