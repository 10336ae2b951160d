using FunctionAgents.Core.Planning;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The planner's output failed validation; the run will not execute any of it.</summary>
/// <param name="RawPlan">The rejected plan text, for diagnosis.</param>
public sealed record PlanRejected(IReadOnlyList<PlanViolation> Errors, string Planner, string? RawPlan) : EventPayload;
