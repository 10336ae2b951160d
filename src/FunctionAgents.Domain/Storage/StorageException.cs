namespace FunctionAgents.Domain.Storage;

/// <summary>
/// A storage request failed for good: a status that is not retried, or a transient failure that outlived
/// every retry. The storage adapters throw this type (or one of its subtypes) instead of their SDK's
/// exceptions, so code above the port handles storage without referencing a storage SDK.
/// </summary>
public class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="status">The HTTP status, or 0 when no response arrived.</param>
    /// <param name="errorCode">The service's error code (for example <c>EntityAlreadyExists</c>), when it sent one.</param>
    /// <param name="message">What failed, in words.</param>
    /// <param name="innerException">The adapter's original exception.</param>
    /// <param name="failedActionIndex">In a batch, the 0-based index of the action the service blamed.</param>
    public StorageException(int status, string? errorCode, string message, Exception? innerException = null, int? failedActionIndex = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>The HTTP status of the failed response, or 0 when the request never got one.</summary>
    public int Status { get; }

    /// <summary>The service's error code, if any.</summary>
    public string? ErrorCode { get; }

    /// <summary>For a failed batch (entity group transaction), the 0-based index of the failing action; otherwise null.</summary>
    public int? FailedActionIndex { get; }
}
