namespace FunctionAgents.Core.Planning;

/// <summary>What a planner gets: the goal and the run's limits.</summary>
/// <param name="RemainingBudgetUsd">What the run may still spend; a model-backed planner refuses a call estimated above it
/// by throwing <see cref="Costs.BudgetWouldBeExceededException"/> before calling.</param>
public sealed record PlanRequest(
    string RunId, string Goal, int MaxSteps, decimal BudgetUsd, IReadOnlyDictionary<string, string>? Metadata, decimal? RemainingBudgetUsd = null);
