namespace FunctionAgents.Azure.Storage;

/// <summary>
/// A Table or Queue request failed for good: a non-success status that is not retried, or a transient
/// failure that outlived every retry. Carries the HTTP status (0 when no response arrived) and the
/// storage error code (for example <c>EntityAlreadyExists</c>, <c>AuthenticationFailed</c>). The message
/// never contains the account key.
/// </summary>
public class StorageRequestException : Exception
{
    public StorageRequestException()
    {
    }

    public StorageRequestException(string message)
        : base(message)
    {
    }

    public StorageRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="status">The HTTP status, or 0 when no response arrived.</param>
    /// <param name="errorCode">The storage error code, when the service sent one.</param>
    /// <param name="message">What failed, in words.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public StorageRequestException(int status, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status of the failed response, or 0 when the request never got one (network failure).</summary>
    public int Status { get; }

    /// <summary>The storage error code (<c>x-ms-error-code</c>, JSON <c>odata.error.code</c> or XML <c>Code</c>), if any.</summary>
    public string? ErrorCode { get; }
}
