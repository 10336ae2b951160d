namespace FunctionAgents.Functions;

/// <summary>A setting makes the Functions app unusable or unsafe; the message is the one-line reason, naming the setting.</summary>
public sealed class FunctionsStartupException : Exception
{
    public FunctionsStartupException()
    {
    }

    public FunctionsStartupException(string message)
        : base(message)
    {
    }

    public FunctionsStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
