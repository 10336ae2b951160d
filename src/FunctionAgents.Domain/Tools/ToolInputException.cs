namespace FunctionAgents.Domain.Tools;

/// <summary>
/// Thrown by a tool whose input passed the schema but is still unusable (e.g. an unresolved
/// template where an address belongs). The executor reports it as <see cref="ToolErrorCodes.InvalidInput"/>.
/// </summary>
public sealed class ToolInputException : Exception
{
    public ToolInputException()
    {
    }

    public ToolInputException(string message)
        : base(message)
    {
    }

    public ToolInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
