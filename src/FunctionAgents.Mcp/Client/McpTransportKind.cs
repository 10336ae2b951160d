namespace FunctionAgents.Mcp.Client;

/// <summary>How FunctionAgents reaches an MCP server.</summary>
public enum McpTransportKind
{
    /// <summary>A child process spoken to over stdin/stdout.</summary>
    Stdio,

    /// <summary>Streamable HTTP at a URL.</summary>
    Http,
}
