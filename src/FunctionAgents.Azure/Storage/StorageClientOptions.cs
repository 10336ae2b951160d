using Azure.Core;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// Pipeline options for <see cref="TableStorageClient"/> and <see cref="QueueStorageClient"/>: the
/// Azure.Core <see cref="ClientOptions"/> (retry, transport, <see cref="ClientOptions.AddPolicy"/> for extra
/// policies such as fault injection or request counting) with storage defaults: 5 attempts in all
/// (<c>Retry.MaxRetries</c> = 4), exponential backoff from 200 ms up to 10 s.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    public StorageClientOptions()
    {
        Retry.MaxRetries = 4;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
    }

    /// <summary>How queue message text is put on the wire; Base64 of UTF-8 by default, as Azure Functions queue triggers expect.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>Sets the total number of attempts per request (1 = no retry). Shorthand for <c>Retry.MaxRetries = attempts - 1</c>.</summary>
    public int MaxAttempts
    {
        get => Retry.MaxRetries + 1;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Retry.MaxRetries = value - 1;
        }
    }
}
