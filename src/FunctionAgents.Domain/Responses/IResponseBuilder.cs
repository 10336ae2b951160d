using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Responses;

/// <summary>Composes the answer to the user from what the run observed, citing its sources.</summary>
public interface IResponseBuilder
{
    string Name { get; }

    Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken);
}

/// <summary>The goal, the plan and what happened to each step.</summary>
/// <param name="RemainingBudgetUsd">What the run may still spend; see <see cref="Planning.PlanRequest.RemainingBudgetUsd"/>.</param>
public sealed record ResponseRequest(string RunId, string Goal, AgentPlan? Plan, IReadOnlyList<StepOutcome> Steps, decimal? RemainingBudgetUsd = null);

/// <summary>The drafted answer, the sources it cites, and any model calls made to write it.</summary>
public sealed record ResponseResult(string Text, IReadOnlyList<string> Sources, string Builder, IReadOnlyList<ModelCalled> ModelCalls);

/// <summary>What became of one plan step.</summary>
/// <param name="Status"><c>executed</c>, <c>rejected</c> (policy or human said no) or <c>not_run</c>.</param>
/// <param name="Observation">The tool's result when executed.</param>
/// <param name="Reason">Why it was rejected or not run.</param>
public sealed record StepOutcome(
    string StepId, string Tool, string Objective, string Status, ToolObservation? Observation, string? Reason);
