namespace FunctionAgents.Core.Events.Payloads;

/// <summary>An evaluation finished; its report is stored under the evaluation id.</summary>
/// <param name="ReplayDelta">Candidate mean quality minus baseline mean quality, over all runs.</param>
/// <param name="Alerts">The alerts raised, as <c>severity:code:day</c>.</param>
public sealed record EvaluationCompleted(
    int RunsScored,
    int RunsSkipped,
    double SuccessRate,
    double MeanQuality,
    double ReplayDelta,
    int PolicyRegressions,
    int DivergentRuns,
    IReadOnlyList<string> Alerts) : EventPayload;
