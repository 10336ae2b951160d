namespace FunctionAgents.Azure.Runs;

/// <summary>The body of an <c>agent-work</c> message: the run to advance.</summary>
internal sealed record WorkMessage(string RunId);
