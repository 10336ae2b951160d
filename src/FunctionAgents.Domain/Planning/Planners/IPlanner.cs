using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Planning.Planners;

/// <summary>
/// Turns a goal into plan JSON. The planning activity validates the result; a planner that talks to a
/// model reports every call in <see cref="PlannerResult.ModelCalls"/> so replay never needs the model.
/// </summary>
public interface IPlanner
{
    /// <summary>Name recorded in PlanGenerated / PlanRejected, e.g. <c>offline</c>.</summary>
    string Name { get; }

    Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken);
}

/// <summary>A planner's output: the raw plan JSON text (validated by the caller) and the model calls made.</summary>
public sealed record PlannerResult(string Planner, string? PromptVersion, string RawPlan, IReadOnlyList<ModelCalled> ModelCalls);
