namespace FunctionAgents.Core.Events.Payloads;

/// <summary>A human approved a pending tool call.</summary>
public sealed record HumanApproved(string StepId, string Approver, string? Comment) : EventPayload;
