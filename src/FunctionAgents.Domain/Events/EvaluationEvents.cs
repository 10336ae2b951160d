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
/// <param name="Alerts">The alerts raised, as <c>severity:code:day</c> (<c>severity:code:day:evaluator</c> for an evaluator drop).</param>
public sealed record EvaluationCompleted(
    int RunsScored,
    int RunsSkipped,
    double SuccessRate,
    double MeanQuality,
    double ReplayDelta,
    int PolicyRegressions,
    int DivergentRuns,
    IReadOnlyList<string> Alerts) : EventPayload;

/// <summary>
/// The evaluators' results over one UTC day's runs of one tenant, as recorded (journaled once per day and tenant, before
/// <see cref="EvaluationCompleted"/>; streams written before this event existed simply do not have it).
/// </summary>
/// <param name="Day">The UTC day the runs were created on, <c>yyyy-MM-dd</c>.</param>
/// <param name="TenantId">The runs' tenant.</param>
/// <param name="JudgeModel">The judge's model id when a judged evaluator ran; null otherwise.</param>
/// <param name="Evaluators">One result per evaluator, in the order they first reported.</param>
public sealed record EvaluatorsScored(
    string Day,
    string TenantId,
    string? JudgeModel,
    IReadOnlyList<EvaluatorResult> Evaluators) : EventPayload;

/// <summary>One evaluator over a group of runs (a day of one tenant).</summary>
/// <param name="Evaluator">The evaluator's name (e.g. <c>citation_groundedness</c>).</param>
/// <param name="Scored">Runs it gave a value.</param>
/// <param name="NotRun">Runs it did not apply to (labels absent, no judge, outside the judge sample).</param>
/// <param name="Errored">Runs it could not score (e.g. a judge answered outside its schema).</param>
/// <param name="Failed">Runs it failed, errored ones included.</param>
/// <param name="Mean">Mean value over the scored runs (0..1, judged 1..5); null when none was scored.</param>
/// <param name="PassRate">Passed runs / (scored + errored): an errored run never counts as passed; null when none was judged.</param>
/// <param name="FailingRuns">Up to 20 ids of the runs it failed (the count is <paramref name="Failed"/>).</param>
/// <param name="PromptVersion">The judge prompt's version for a judged evaluator; null for a deterministic one.</param>
public sealed record EvaluatorResult(
    string Evaluator,
    int Scored,
    int NotRun,
    int Errored,
    int Failed,
    double? Mean,
    double? PassRate,
    IReadOnlyList<string> FailingRuns,
    string? PromptVersion = null);
