using System.Text.Json;

namespace FunctionAgents.Domain.Tools;

/// <summary>The normalized result of a tool call. Every result and every failure becomes one of these.</summary>
public sealed record ToolObservation(bool Success, JsonElement? Output, ToolError? Error, long LatencyMs, bool Truncated);

/// <summary>Why a tool call failed: a stable <paramref name="Code"/> (e.g. <c>timeout</c>, <c>invalid_input</c>) and a message.</summary>
public sealed record ToolError(string Code, string Message);
