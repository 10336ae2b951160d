using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Http.Contracts;

/// <summary>The answer to an approval decision or a cancel: what was recorded and the run's status after it.</summary>
public sealed record DecisionAccepted(string RunId, string? StepId, string Decision, string By, RunStatus Status, string StatusUri);
