namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The answer passed the response checks and is what the user receives.</summary>
public sealed record ResponseFinalized(string Text) : EventPayload;
