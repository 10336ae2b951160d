using Azure.Identity;
using Azure;
using FunctionAgents.Domain.Storage;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// Maps the SDKs' failures onto Core's storage exceptions: 409 is a conflict, 404 not found, no response,
/// 408, 429, 5xx and identity failures are "unavailable", anything else the base <see cref="StorageException"/>.
/// </summary>
internal static class StorageErrors
{
    /// <summary>Runs <paramref name="call"/>, translating SDK failures; <paramref name="operation"/> says what was attempted.</summary>
    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Map(operation, ex) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>The Core exception for <paramref name="exception"/>, or null when it is not a storage failure.</summary>
    public static StorageException? Map(string operation, Exception exception) => exception switch
    {
        global::Azure.Data.Tables.TableTransactionFailedException tx => Create(
            tx.Status,
            tx.ErrorCode,
            $"{operation} failed at action {tx.FailedTransactionActionIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: HTTP {tx.Status} ({tx.ErrorCode}). Nothing was applied.",
            tx,
            tx.FailedTransactionActionIndex),
        RequestFailedException rf => Create(rf.Status, rf.ErrorCode, $"{operation} failed: HTTP {rf.Status} ({rf.ErrorCode ?? "no error code"}): {FirstLine(rf.Message)}", rf, null),
        AuthenticationFailedException auth => new StorageUnavailableException(0, null, $"{operation} failed: no token for storage: {FirstLine(auth.Message)}", auth),
        AggregateException { InnerExceptions.Count: > 0 } all when all.InnerExceptions.All(e => e is RequestFailedException) =>
            new StorageUnavailableException(0, null, $"{operation} failed after {all.InnerExceptions.Count} attempt(s): {FirstLine(all.InnerExceptions[^1].Message)}", all),
        _ => null,
    };

    private static StorageException Create(int status, string? code, string message, Exception inner, int? index) => status switch
    {
        // 412: an If-Match write lost to a concurrent one, the same optimistic-concurrency conflict as 409.
        409 or 412 => new StorageConflictException(status, code, message, inner, index),
        404 => new StorageNotFoundException(status, code, message, inner, index),
        0 or 408 or 429 or >= 500 => new StorageUnavailableException(status, code, message, inner, index),
        _ => new StorageException(status, code, message, inner, index),
    };

    // The SDK appends the full request and response headers to its messages; the first line names the failure.
    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
