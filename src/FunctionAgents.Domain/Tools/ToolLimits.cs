namespace FunctionAgents.Domain.Tools;

/// <summary>The limits a tool declares: how long it may run, what one call costs and how much output it may return.</summary>
/// <param name="Timeout">Wall-clock limit the executor enforces, even on a tool that ignores its token.</param>
/// <param name="CostPerCallUsd">Cost recorded for each dispatch.</param>
/// <param name="OutputCapBytes">Largest serialized (UTF-8) output; larger outputs are cut and marked truncated.</param>
public sealed record ToolLimits(TimeSpan Timeout, decimal CostPerCallUsd, int OutputCapBytes);
