namespace FunctionAgents.Azure.Privacy;

/// <summary>Personal-data protection is configured but its key-encryption key cannot be read; the host must not start.</summary>
public sealed class PrivacyKeyUnavailableException : Exception
{
    public PrivacyKeyUnavailableException()
    {
    }

    public PrivacyKeyUnavailableException(string message)
        : base(message)
    {
    }

    public PrivacyKeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
