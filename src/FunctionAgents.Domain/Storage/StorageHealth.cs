namespace FunctionAgents.Domain.Storage;

/// <summary>Whether storage answered, and the approximate depth of each run queue (by its deployed name).</summary>
public sealed record StorageHealth(bool Reachable, string? Error, IReadOnlyDictionary<string, int> QueueDepths);
