namespace FunctionAgents.Domain.Runs;

/// <summary>The run a start request maps to; <paramref name="Created"/> is false when the Idempotency-Key already had one.</summary>
public sealed record StartRunResult(string RunId, bool Created);
