using System.Text.Json;

namespace FunctionAgents.Domain.Tools;

/// <summary>The normalized result of a tool call. Every result and every failure becomes one of these.</summary>
public sealed record ToolObservation(bool Success, JsonElement? Output, ToolError? Error, long LatencyMs, bool Truncated);
