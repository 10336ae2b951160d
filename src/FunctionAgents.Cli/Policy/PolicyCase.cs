using System.Text.Json;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Cli.Policy;

/// <summary>One expected decision: a tool call (and the run's counters before it) and what the policy must decide.</summary>
/// <param name="Line">Where the case starts in its file.</param>
internal sealed record PolicyCase(string Name, string Tool, JsonElement Input, RunMetrics Metrics, PolicyAction Expect, int Line);
