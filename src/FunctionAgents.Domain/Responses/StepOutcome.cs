using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Responses;

/// <summary>What became of one plan step.</summary>
/// <param name="Status"><c>executed</c>, <c>rejected</c> (policy or human said no) or <c>not_run</c>.</param>
/// <param name="Observation">The tool's result when executed.</param>
/// <param name="Reason">Why it was rejected or not run.</param>
public sealed record StepOutcome(
    string StepId, string Tool, string Objective, string Status, ToolObservation? Observation, string? Reason);
