namespace FunctionAgents.Http.Contracts;

/// <summary>Why a run failed: a stable code and the reason.</summary>
public sealed record RunFailure(string Code, string? Reason);
