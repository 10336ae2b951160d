namespace FunctionAgents.Domain.Planning;

/// <summary>What a planner gets: the goal and the run's limits.</summary>
/// <param name="RemainingBudgetUsd">What the run may still spend; a model-backed planner refuses a call estimated above it
/// by throwing <see cref="Costs.BudgetWouldBeExceededException"/> before calling.</param>
/// <param name="Memory">What the run recalled from tenant memory (redacted facts of earlier runs), or null.</param>
public sealed record PlanRequest(
    string RunId, string Goal, int MaxSteps, decimal BudgetUsd, IReadOnlyDictionary<string, string>? Metadata, decimal? RemainingBudgetUsd = null, IReadOnlyList<string>? Memory = null);
