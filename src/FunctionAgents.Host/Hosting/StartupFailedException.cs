namespace FunctionAgents.Host.Hosting;

/// <summary>The host cannot start; the message is the one line the user sees, saying what to do.</summary>
internal sealed class StartupFailedException : Exception
{
    public StartupFailedException()
    {
    }

    public StartupFailedException(string message)
        : base(message)
    {
    }

    public StartupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
