namespace FunctionAgents.Domain.Tools;

/// <summary>Why a tool call failed: a stable <paramref name="Code"/> (e.g. <c>timeout</c>, <c>invalid_input</c>) and a message.</summary>
public sealed record ToolError(string Code, string Message);
