namespace FunctionAgents.Host.Demo;

/// <summary>The demo met something it did not expect; the message says what.</summary>
internal sealed class DemoFailedException : Exception
{
    public DemoFailedException()
    {
    }

    public DemoFailedException(string message)
        : base(message)
    {
    }

    public DemoFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
