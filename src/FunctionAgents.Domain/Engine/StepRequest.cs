namespace FunctionAgents.Domain.Engine;

/// <summary>
/// What an orchestrator asks an activity to do: perform the step of <paramref name="Kind"/> that the decider
/// chooses for the run as it stands after <paramref name="ExpectedLastSeq"/>, deciding at the orchestrator's time
/// <paramref name="DecidedAt"/> so that both sides agree on deadlines. Plain data, so any host can serialize it.
/// </summary>
public sealed record StepRequest(string RunId, long ExpectedLastSeq, string Kind, DateTimeOffset DecidedAt);
