using System.Globalization;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Evaluation;

public sealed partial class EvaluationService
{
    private static EvaluationStarted Started(EvaluationReport report) => new(
        report.From,
        report.To,
        report.TenantId,
        report.Trigger,
        report.Mode == ReplayMode.Live ? "live" : "recorded",
        report.PolicyVersion,
        report.CandidatePolicy,
        report.CandidatePromptVersion,
        report.StepScorer);

    private static RunScored Scored(RunScore score) => new(
        score.RunId,
        score.TenantId,
        score.Candidate.Status,
        score.Baseline.Quality,
        score.Candidate.Quality,
        score.Baseline.CostUsd,
        score.Candidate.CostUsd,
        score.Regressions.Count,
        score.DivergedAtSeq,
        score.UnrecordedCalls);

    private static EvaluationCompleted Completed(EvaluationReport report)
    {
        var overall = report.Overall;
        return new EvaluationCompleted(
            report.RunsScored,
            report.RunsSkipped,
            overall?.Candidate.SuccessRate ?? 0d,
            overall?.Candidate.MeanQuality ?? 0d,
            overall?.ReplayDelta ?? 0d,
            overall?.PolicyRegressions ?? 0,
            overall?.DivergentRuns ?? 0,
            [.. report.Alerts.Select(a => a.Evaluator is { } evaluator ? $"{a.Severity}:{a.Code}:{a.Day}:{evaluator}" : $"{a.Severity}:{a.Code}:{a.Day}")]);
    }

    /// <summary>The last day of an earlier report, when it is the day before this window (the day-over-day baseline).</summary>
    private static GroupMetrics? PreviousDay(EvaluationReport? previous, DateOnly from) =>
        previous is { Days.Count: > 0 } && previous.Days[^1] is var day
        && string.Equals(day.Key, from.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? day
            : null;
}
