namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The data key store (or the key-encryption key behind it) could not be reached. Nothing was encrypted and
/// nothing was written: a step that meets this fails with <see cref="ReasonCode"/> rather than store plaintext.
/// </summary>
public sealed class KeyStoreUnavailableException : Exception
{
    /// <summary>The named reason a failed step reports.</summary>
    public const string ReasonCode = "key_store_unavailable";

    public KeyStoreUnavailableException()
        : base($"{ReasonCode}: the data key store is unreachable; nothing was written.")
    {
    }

    public KeyStoreUnavailableException(string message)
        : base($"{ReasonCode}: {message}")
    {
    }

    public KeyStoreUnavailableException(string message, Exception innerException)
        : base($"{ReasonCode}: {message}", innerException)
    {
    }
}
