namespace FunctionAgents.Domain.Storage;

/// <summary>The storage service could not be reached or kept failing (no response, HTTP 5xx, throttling or an identity that could not get a token) after every retry.</summary>
public sealed class StorageUnavailableException : StorageException
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc cref="StorageException(int, string?, string, Exception?, int?)"/>
    public StorageUnavailableException(int status, string? errorCode, string message, Exception? innerException = null, int? failedActionIndex = null)
        : base(status, errorCode, message, innerException, failedActionIndex)
    {
    }
}
