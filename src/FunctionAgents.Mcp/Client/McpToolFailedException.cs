namespace FunctionAgents.Mcp.Client;

/// <summary>An MCP tool answered with <c>isError</c>; the step fails with reason <c>mcp_tool_error</c>.</summary>
public sealed class McpToolFailedException : Exception
{
    public McpToolFailedException()
    {
    }

    public McpToolFailedException(string message)
        : base(message)
    {
    }

    public McpToolFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
