namespace FunctionAgents.Domain.Tools;

/// <summary>
/// Thrown by a tool that refuses a request on its own authority, whatever policy allowed
/// (e.g. query_sql given a write). The executor reports it as <see cref="ToolErrorCodes.Refused"/>.
/// </summary>
public sealed class ToolRefusedException : Exception
{
    public ToolRefusedException()
    {
    }

    public ToolRefusedException(string message)
        : base(message)
    {
    }

    public ToolRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
