namespace FunctionAgents.Domain.Tools;

/// <summary>The stable <see cref="ToolError.Code"/> values the executor produces.</summary>
public static class ToolErrorCodes
{
    /// <summary>No tool of that name is registered.</summary>
    public const string UnknownTool = "unknown_tool";

    /// <summary>The input does not match the tool's schema, or the tool itself found it unusable.</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>The tool did not finish within its declared timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The caller cancelled the dispatch.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The tool failed; the message is the exception's message, never a stack trace.</summary>
    public const string ToolFailure = "tool_error";

    /// <summary>The tool refused the request on its own authority (e.g. a non-read SQL statement).</summary>
    public const string Refused = "refused";
}
