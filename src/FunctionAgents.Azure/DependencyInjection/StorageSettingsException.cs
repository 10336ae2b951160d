namespace FunctionAgents.Azure.DependencyInjection;

/// <summary>
/// The storage settings (<c>AzureWebJobsStorage</c> or its identity-based settings) cannot make a client; the message is
/// the inner one. A <see cref="FormatException"/>, so a caller that reports malformed settings reports this one too; the
/// local host catches it first to name the setting.
/// </summary>
public sealed class StorageSettingsException : FormatException
{
    public StorageSettingsException()
    {
    }

    public StorageSettingsException(string message)
        : base(message)
    {
    }

    public StorageSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
