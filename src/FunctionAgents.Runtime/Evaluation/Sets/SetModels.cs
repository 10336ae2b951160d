using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Responses;

namespace FunctionAgents.Runtime.Evaluation.Sets;

/// <summary>A model-backed planner and answer builder for set runs, and how the report names them.</summary>
public sealed record SetModels(IPlanner Planner, IResponseBuilder Builder, PriceTable? Prices, string? PromptVersion, string? Model);
