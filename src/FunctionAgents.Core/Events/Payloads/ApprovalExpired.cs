using FunctionAgents.Core.Policy;

namespace FunctionAgents.Core.Events.Payloads;

/// <summary>Nobody decided before the deadline; <paramref name="Outcome"/> is the policy's on_timeout action.</summary>
public sealed record ApprovalExpired(string StepId, PolicyAction Outcome) : EventPayload;
