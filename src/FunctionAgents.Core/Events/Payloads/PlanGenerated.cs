using FunctionAgents.Core.Planning;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The planner produced a plan that passed validation.</summary>
/// <param name="Planner">Which planner: <c>offline</c> (rule-based, no model) or a model deployment.</param>
/// <param name="PromptVersion">The planning prompt's version, when a model planned.</param>
public sealed record PlanGenerated(AgentPlan Plan, string Planner, string? PromptVersion) : EventPayload;
