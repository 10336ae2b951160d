using Azure;
using Azure.Core;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// Retries exactly 408, 429, 500 and 503 and network failures. Azure.Core's default also retries
/// 502 and 504; storage writes are not idempotent by construction, so the list is kept to the
/// statuses where the service promises the request was not applied or is safe to repeat.
/// </summary>
internal sealed class StorageResponseClassifier : ResponseClassifier
{
    public static readonly StorageResponseClassifier Instance = new();

    public override bool IsRetriableResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Response.Status is 408 or 429 or 500 or 503;
    }

    public override bool IsRetriableException(Exception exception) =>
        exception is IOException or HttpRequestException or RequestFailedException { Status: 0 };

    public override bool IsErrorResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Response.Status >= 400;
    }
}
