namespace FunctionAgents.Azure.Storage;

/// <summary>
/// A write met an existing resource: HTTP 409, for example <c>EntityAlreadyExists</c> when inserting an
/// entity whose PartitionKey and RowKey are taken. Nothing was written by the failed request.
/// </summary>
public sealed class StorageConflictException : StorageRequestException
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

    public StorageConflictException(string? errorCode, string message)
        : base(409, errorCode, message)
    {
    }
}
