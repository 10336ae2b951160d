using FunctionAgents.Domain.Planning;

namespace FunctionAgents.Domain.Events;

// Planning: the memory the planner was given, each model call, the plan produced or the reason it was refused.

/// <summary>Context the run retrieved from memory before planning, with where each item came from.</summary>
public sealed record MemoryRetrieved(string Query, IReadOnlyList<string> Items, IReadOnlyList<string> Sources) : EventPayload;

/// <summary>
/// One model call, recorded completely enough that replay substitutes it and never calls the model.
/// </summary>
/// <param name="Purpose"><c>plan</c>, <c>repair</c> or <c>answer</c>.</param>
/// <param name="RequestHash">SHA-256 of the request messages (not the messages: they may hold user data twice).</param>
/// <param name="RawResponse">The model's response text exactly as received.</param>
public sealed record ModelCalled(
    string Purpose,
    string Deployment,
    string Model,
    string PromptVersion,
    string PromptHash,
    string RequestHash,
    string RawResponse,
    int InputTokens,
    int OutputTokens,
    long LatencyMs,
    string FinishReason) : EventPayload;

/// <summary>The planner produced a plan that passed validation.</summary>
/// <param name="Planner">Which planner: <c>offline</c> (rule-based, no model) or a model deployment.</param>
/// <param name="PromptVersion">The planning prompt's version, when a model planned.</param>
public sealed record PlanGenerated(AgentPlan Plan, string Planner, string? PromptVersion) : EventPayload;

/// <summary>The planner's output failed validation; the run will not execute any of it.</summary>
/// <param name="RawPlan">The rejected plan text, for diagnosis.</param>
public sealed record PlanRejected(IReadOnlyList<PlanViolation> Errors, string Planner, string? RawPlan) : EventPayload;
