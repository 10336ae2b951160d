namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The run ended without completing its plan.</summary>
/// <param name="Code">A stable reason code, e.g. <c>plan_rejected</c>, <c>budget_exceeded</c>, <c>deadline_exceeded</c>, <c>model_auth</c>.</param>
/// <param name="FallbackResponse">What the user is told instead of an answer.</param>
public sealed record RunFailed(string Code, string Reason, string FallbackResponse) : EventPayload;
