namespace FunctionAgents.Azure.Storage;

/// <summary>
/// An entity group transaction was rejected; none of its operations was applied.
/// <see cref="FailedActionIndex"/> names the operation the service blamed and <see cref="IsConflict"/>
/// tells whether it was a 409 (for example an insert at a key that is taken).
/// </summary>
public sealed class TableTransactionFailedException : StorageRequestException
{
    public TableTransactionFailedException()
    {
    }

    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="status">The failing operation's HTTP status.</param>
    /// <param name="errorCode">The storage error code of the failing operation.</param>
    /// <param name="failedActionIndex">The 0-based index of the failing operation, when the service named it.</param>
    /// <param name="message">What failed, in words.</param>
    public TableTransactionFailedException(int status, string? errorCode, int? failedActionIndex, string message)
        : base(status, errorCode, message)
    {
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>The 0-based index, in the submitted list, of the operation that failed; null when the service did not say.</summary>
    public int? FailedActionIndex { get; }

    /// <summary>True when the failing operation got HTTP 409, for example an insert whose PartitionKey and RowKey are taken.</summary>
    public bool IsConflict => Status == 409;
}
