namespace FunctionAgents.Domain.Events;

// Spend: each cost and the budget being crossed.

/// <summary>Cost of one model or tool call and the run's running total.</summary>
/// <param name="Category"><c>model</c> or <c>tool</c>.</param>
/// <param name="Item">The model deployment or tool name.</param>
public sealed record CostRecorded(
    string Category, string Item, decimal CostUsd, decimal TotalCostUsd, int? InputTokens, int? OutputTokens) : EventPayload;

/// <summary>The run stopped because its cost reached, or the next call would take it past, its budget.</summary>
public sealed record BudgetExceeded(decimal BudgetUsd, decimal CostUsd, decimal? NextCallEstimateUsd, string Reason) : EventPayload;
