namespace FunctionAgents.Core.Events.Payloads;

/// <summary>Someone cancelled the run; nothing further happens.</summary>
public sealed record RunCancelled(string Reason, string By) : EventPayload;
