using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Planning.Planners;

/// <summary>A planner's output: the raw plan JSON text (validated by the caller) and the model calls made.</summary>
public sealed record PlannerResult(string Planner, string? PromptVersion, string RawPlan, IReadOnlyList<ModelCalled> ModelCalls);
