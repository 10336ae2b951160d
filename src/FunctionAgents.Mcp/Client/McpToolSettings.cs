namespace FunctionAgents.Mcp.Client;

/// <summary>What one allowed MCP tool may do: how long a call may take, what it costs and how much output it may return.</summary>
/// <param name="Timeout">The call's wall-clock limit (the executor enforces it).</param>
/// <param name="CostUsd">Recorded per call.</param>
/// <param name="OutputCapBytes">Largest normalized output in UTF-8 bytes; more is cut and marked truncated.</param>
public sealed record McpToolSettings(TimeSpan Timeout, decimal CostUsd, int OutputCapBytes);
