using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Net.Http;
using Azure.Identity;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// What a failed model call's exception says, whichever client threw it: the OpenAI and Azure SDKs throw
/// <see cref="ClientResultException"/> (status 0 when no response arrived), HTTP-based clients
/// <see cref="HttpRequestException"/>. Retries and failure codes are decided from this alone.
/// </summary>
internal static class ModelErrors
{
    /// <summary>The HTTP status the endpoint answered, or null when no response arrived.</summary>
    public static int? Status(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } result => result.Status,
        HttpRequestException { StatusCode: { } code } => (int)code,
        _ => null,
    };

    /// <summary>True for 408, 429, 5xx, network failures and attempt timeouts; never for 401/403, another 4xx, or a missing Entra ID token.</summary>
    public static bool IsRetryable(Exception exception) => exception switch
    {
        AuthenticationFailedException => false,
        TimeoutException => true,
        _ when Status(exception) is { } status => status is 408 or 429 or >= 500,
        ClientResultException or HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>What the response asks for in <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>Retry-After</c> (seconds or an HTTP date).</summary>
    public static TimeSpan? RetryAfter(Exception exception, TimeProvider clock) =>
        exception is ClientResultException result ? RetryAfter(result.GetRawResponse(), clock) : null;

    /// <summary>As <see cref="RetryAfter(Exception, TimeProvider)"/>, from the raw response.</summary>
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

    /// <summary>True when the status is one the endpoint uses for refused credentials.</summary>
    public static bool IsAuth(int? status) => status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden;
}
