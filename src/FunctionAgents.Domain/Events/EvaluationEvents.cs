namespace FunctionAgents.Domain.Events;

// The evaluator's own journal: an evaluation started, each run scored, the evaluation completed.

/// <summary>An evaluation began replaying the finished runs of a window (journaled under the evaluation id).</summary>
/// <param name="From">First UTC day of the window.</param>
/// <param name="To">Last UTC day of the window, inclusive.</param>
/// <param name="TenantId">The tenant it is limited to, or null for all.</param>
/// <param name="Trigger"><c>nightly</c>, <c>manual</c> or <c>cli</c>.</param>
/// <param name="Mode"><c>recorded</c> or <c>live</c>.</param>
/// <param name="PolicyVersion">Content hash of the policy the replay runs.</param>
/// <param name="CandidatePolicy">True when that policy is a candidate rather than the current one.</param>
public sealed record EvaluationStarted(
    DateOnly From,
    DateOnly To,
    string? TenantId,
    string Trigger,
    string Mode,
    string PolicyVersion,
    bool CandidatePolicy,
    string? CandidatePromptVersion,
    string StepScorer) : EventPayload;

/// <summary>One run was replayed and scored during an evaluation.</summary>
/// <param name="RunId">The scored run (not the evaluation).</param>
/// <param name="DivergedAtSeq">The first Seq where the replay differs from the recording, or null when it reproduced it.</param>
public sealed record RunScored(
    string RunId,
    string TenantId,
    string Status,
    double BaselineQuality,
    double CandidateQuality,
    decimal BaselineCostUsd,
    decimal CandidateCostUsd,
    int PolicyRegressions,
    long? DivergedAtSeq,
    int UnrecordedCalls) : EventPayload;

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
