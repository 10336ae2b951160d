namespace FunctionAgents.Core.Events.Payloads;

/// <summary>A human rejected a pending tool call; the step is skipped.</summary>
public sealed record HumanRejected(string StepId, string Approver, string? Comment) : EventPayload;
