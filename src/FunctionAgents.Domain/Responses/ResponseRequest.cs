using FunctionAgents.Domain.Planning;

namespace FunctionAgents.Domain.Responses;

/// <summary>The goal, the plan and what happened to each step.</summary>
/// <param name="RemainingBudgetUsd">What the run may still spend; see <see cref="Planning.PlanRequest.RemainingBudgetUsd"/>.</param>
public sealed record ResponseRequest(string RunId, string Goal, AgentPlan? Plan, IReadOnlyList<StepOutcome> Steps, decimal? RemainingBudgetUsd = null);
