namespace FunctionAgents.Runtime.Engine;

/// <summary>Input of the read activity: the run and the Seq after which to return events.</summary>
public sealed record ReadRunRequest(string RunId, long AfterSeq);
