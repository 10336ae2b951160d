namespace FunctionAgents.Domain.Storage;

/// <summary>A write met an existing resource (HTTP 409, for example <c>EntityAlreadyExists</c> when the keys are taken). Nothing was written by the failed request.</summary>
public sealed class StorageConflictException : StorageException
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc cref="StorageException(int, string?, string, Exception?, int?)"/>
    public StorageConflictException(int status, string? errorCode, string message, Exception? innerException = null, int? failedActionIndex = null)
        : base(status, errorCode, message, innerException, failedActionIndex)
    {
    }
}
