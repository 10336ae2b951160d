namespace FunctionAgents.Domain.Events;

/// <summary>The journal holds an event type this version of FunctionAgents does not know.</summary>
public sealed class UnknownEventTypeException : Exception
{
    public UnknownEventTypeException()
    {
    }

    public UnknownEventTypeException(string message)
        : base(message)
    {
    }

    public UnknownEventTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
