namespace FunctionAgents.Core.Events.Payloads;

/// <summary>Context the run retrieved from memory before planning, with where each item came from.</summary>
public sealed record MemoryRetrieved(string Query, IReadOnlyList<string> Items, IReadOnlyList<string> Sources) : EventPayload;
