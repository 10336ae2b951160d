namespace FunctionAgents.Runtime.Engine;

/// <summary>Input of the fail activity: the run whose orchestration threw, and why.</summary>
public sealed record FailRunRequest(string RunId, string Reason);
