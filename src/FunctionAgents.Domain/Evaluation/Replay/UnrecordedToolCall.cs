namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>A tool call the replayed run made that matches no recorded call; it was not executed.</summary>
/// <param name="Input">The call's input as canonical JSON (sorted properties, no whitespace).</param>
public sealed record UnrecordedToolCall(string StepId, string Tool, string Input, string DispatchId);
