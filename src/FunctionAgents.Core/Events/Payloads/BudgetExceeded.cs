namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The run stopped because its cost reached, or the next call would take it past, its budget.</summary>
public sealed record BudgetExceeded(decimal BudgetUsd, decimal CostUsd, decimal? NextCallEstimateUsd, string Reason) : EventPayload;
