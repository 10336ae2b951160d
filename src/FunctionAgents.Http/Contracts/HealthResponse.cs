namespace FunctionAgents.Http.Contracts;

/// <summary>GET /api/health: <c>healthy</c> when storage answered, and each run queue's approximate depth.</summary>
public sealed record HealthResponse(string Status, bool StorageReachable, string? Error, IReadOnlyDictionary<string, int> Queues);
