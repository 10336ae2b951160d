namespace FunctionAgents.Durable.AzureStorage;

/// <summary>The task hub's storage could not be reached at startup; the message is the one-line reason a host prints.</summary>
public sealed class LocalTaskHubUnavailableException : Exception
{
    public LocalTaskHubUnavailableException()
    {
    }

    public LocalTaskHubUnavailableException(string message)
        : base(message)
    {
    }

    public LocalTaskHubUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
