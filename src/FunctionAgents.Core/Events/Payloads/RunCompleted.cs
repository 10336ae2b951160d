namespace FunctionAgents.Core.Events.Payloads;

/// <summary>The run finished with an answer.</summary>
/// <param name="StoppedEarly">Why steps were left unexecuted (<c>max_steps</c>), or null when the plan ran to its end.</param>
public sealed record RunCompleted(int StepsExecuted, int StepsSkipped, decimal CostUsd, string? StoppedEarly) : EventPayload;
