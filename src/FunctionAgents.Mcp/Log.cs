using Microsoft.Extensions.Logging;

namespace FunctionAgents.Mcp;

/// <summary>Every log message of the MCP integration.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "MCP server {Server} is unavailable at startup; its tools are left out of the catalog")]
    public static partial void ServerUnavailable(ILogger logger, string server, Exception exception);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "MCP server {Server} does not offer the allowed tool {Tool}; it is left out of the catalog")]
    public static partial void ToolMissing(ILogger logger, string server, string tool);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "MCP server {Server}: {Offered} tools offered, {Allowed} allowed into the catalog")]
    public static partial void ServerConnected(ILogger logger, string server, int offered, int allowed);
}
