namespace FunctionAgents.Core.Events.Payloads;

/// <summary>Cost of one model or tool call and the run's running total.</summary>
/// <param name="Category"><c>model</c> or <c>tool</c>.</param>
/// <param name="Item">The model deployment or tool name.</param>
public sealed record CostRecorded(
    string Category, string Item, decimal CostUsd, decimal TotalCostUsd, int? InputTokens, int? OutputTokens) : EventPayload;
