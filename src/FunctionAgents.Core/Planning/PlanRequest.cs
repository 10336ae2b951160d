namespace FunctionAgents.Core.Planning;

/// <summary>What a planner gets: the goal and the run's limits.</summary>
public sealed record PlanRequest(
    string RunId, string Goal, int MaxSteps, decimal BudgetUsd, IReadOnlyDictionary<string, string>? Metadata);
