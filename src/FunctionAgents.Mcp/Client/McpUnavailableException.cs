namespace FunctionAgents.Mcp.Client;

/// <summary>An MCP server could not be reached or broke the connection; the step fails with reason <c>mcp_unavailable</c>.</summary>
public sealed class McpUnavailableException : Exception
{
    public McpUnavailableException()
    {
    }

    public McpUnavailableException(string message)
        : base(message)
    {
    }

    public McpUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
