namespace FunctionAgents.Domain.Storage;

/// <summary>The table, queue, entity or message does not exist (HTTP 404).</summary>
public sealed class StorageNotFoundException : StorageException
{
    public StorageNotFoundException()
    {
    }

    public StorageNotFoundException(string message)
        : base(message)
    {
    }

    public StorageNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc cref="StorageException(int, string?, string, Exception?, int?)"/>
    public StorageNotFoundException(int status, string? errorCode, string message, Exception? innerException = null, int? failedActionIndex = null)
        : base(status, errorCode, message, innerException, failedActionIndex)
    {
    }
}
