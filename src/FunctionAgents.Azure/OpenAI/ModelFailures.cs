using System.ClientModel;
using System.Net.Http;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Identity;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Turns what a model client throws (through <see cref="RetryingChatClient"/>) into a <see cref="RunFailureException"/> with a stable code. Messages are composed here
/// from status codes, setting names and the endpoint's short error code; the SDK's own messages (which can quote
/// response bodies) are never passed on, and no inner exception is attached.
/// </summary>
internal static partial class ModelFailures
{
    public static RunFailureException Describe(Exception exception, bool totalTimedOut, string deployment, AzureOpenAIOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(options);
        if (totalTimedOut)
        {
            return new RunFailureException(ModelFailureCodes.ModelTimeout, Text(
                $"the model deployment '{deployment}' did not answer within {options.TotalTimeout.TotalSeconds} s (the limit for one call, retries included)"));
        }

        var attempts = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : new ReadOnlyCollection<Exception>([exception]);
        var last = attempts[^1];
        return last switch
        {
            ClientResultException { Status: 401 or 403 } result => new RunFailureException(ModelFailureCodes.ModelAuth, Text(
                $"the model endpoint refused the credentials for deployment '{deployment}' (HTTP {result.Status}{ErrorCode(result)}); {AuthHint(options)}")),
            AuthenticationFailedException => new RunFailureException(ModelFailureCodes.ModelAuth, Text(
                $"no Entra ID token for the model endpoint could be obtained ({last.GetType().Name}); set {AzureOpenAISettings.ApiKey} or give the app an identity")),
            ClientResultException { Status: 408 or 429 or >= 500 } result => new RunFailureException(ModelFailureCodes.ModelUnavailable, Text(
                $"the model deployment '{deployment}' is unavailable (HTTP {result.Status}{ErrorCode(result)}){RetryAfterNote(result, options, clock)}")),
            ClientResultException { Status: 0 } => Unreachable(deployment, last, options),
            HttpRequestException { StatusCode: { } code } when ModelErrors.IsAuth((int)code) => new RunFailureException(ModelFailureCodes.ModelAuth, Text(
                $"the model endpoint refused the credentials for deployment '{deployment}' (HTTP {(int)code}); {AuthHint(options)}")),
            HttpRequestException { StatusCode: { } code } when ModelErrors.IsRetryable(last) => new RunFailureException(ModelFailureCodes.ModelUnavailable, Text(
                $"the model deployment '{deployment}' is unavailable (HTTP {(int)code}); gave up after at most {options.MaxRetries} retries")),
            HttpRequestException { StatusCode: { } code } => new RunFailureException(ModelFailureCodes.ModelRejected, Text(
                $"the model endpoint rejected the request to deployment '{deployment}' (HTTP {(int)code})")),
            ClientResultException result => new RunFailureException(ModelFailureCodes.ModelRejected, Text(
                $"the model endpoint rejected the request to deployment '{deployment}' (HTTP {result.Status}{ErrorCode(result)}); check the deployment name and {AzureOpenAISettings.Endpoint}")),
            _ when attempts.All(a => a is OperationCanceledException or TimeoutException) => new RunFailureException(ModelFailureCodes.ModelTimeout, Text(
                $"the model deployment '{deployment}' did not answer within {options.AttemptTimeout.TotalSeconds} s on any of {attempts.Count} attempt(s)")),
            _ => Unreachable(deployment, last, options),
        };
    }

    private static RunFailureException Unreachable(string deployment, Exception last, AzureOpenAIOptions options) => new(
        ModelFailureCodes.ModelUnavailable,
        Text($"the model deployment '{deployment}' could not be reached or answered unreadably ({last.GetType().Name}); gave up after at most {options.MaxRetries} retries"));

    private static string AuthHint(AzureOpenAIOptions options) => string.IsNullOrEmpty(options.ApiKey)
        ? "check that the app's identity has the Cognitive Services OpenAI User role on the resource"
        : $"check {AzureOpenAISettings.ApiKey}";

    private static string RetryAfterNote(ClientResultException result, AzureOpenAIOptions options, TimeProvider clock) =>
        ModelErrors.RetryAfter(result, clock) is { } asked && asked > options.MaxRetryDelay
            ? Text($"; it asked to retry after {asked.TotalSeconds} s, longer than the {options.MaxRetryDelay.TotalSeconds} s the runtime waits")
            : $"; gave up after at most {options.MaxRetries} retries";

    /// <summary>The endpoint's error code (e.g. <c>DeploymentNotFound</c>) when it is a short identifier; nothing else of the body.</summary>
    private static string ErrorCode(ClientResultException result)
    {
        try
        {
            var body = result.GetRawResponse()?.Content;
            if (body is null || body.ToMemory().Length == 0)
            {
                return string.Empty;
            }

            using var document = JsonDocument.Parse(body.ToMemory());
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() is { } text
                && Identifier().IsMatch(text)
                ? $", {text}"
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
        catch (InvalidOperationException)
        {
            return string.Empty;
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
