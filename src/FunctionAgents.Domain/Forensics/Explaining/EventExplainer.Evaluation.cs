using System.Globalization;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Forensics.Explaining;

public static partial class EventExplainer
{
    private static Wording EvaluationBegan(EvaluationStarted p)
    {
        var scope = p.TenantId is { } tenant ? $"tenant {tenant}" : "all tenants";
        var policy = (p.CandidatePolicy ? "candidate policy " : "policy ") + ExplainText.ShortVersion(p.PolicyVersion);
        var prompt = p.CandidatePromptVersion is { } version ? $" and candidate prompt {version}" : string.Empty;
        return new(
            "Evaluation started",
            $"A {p.Trigger} evaluation replays the finished runs of {p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd} ({scope}) in {p.Mode} mode with {policy}{prompt}, scoring steps with {p.StepScorer}",
            [Tag("trigger", p.Trigger), Tag("mode", p.Mode), Tag("policy_version", p.PolicyVersion)]);
    }

    private static Wording Scored(RunScored p)
    {
        var diverged = p.DivergedAtSeq is { } seq ? $", replay diverged at Seq {seq}" : string.Empty;
        var unrecorded = p.UnrecordedCalls > 0 ? $", {p.UnrecordedCalls} unrecorded call(s)" : string.Empty;
        return new(
            $"Run {p.RunId} scored",
            string.Create(
                CultureInfo.InvariantCulture,
                $"Run {p.RunId} of {p.TenantId} ({p.Status}): quality {p.BaselineQuality:0.00} → {p.CandidateQuality:0.00}, cost {ExplainText.Usd(p.BaselineCostUsd)} → {ExplainText.Usd(p.CandidateCostUsd)}, {p.PolicyRegressions} policy regression(s){diverged}{unrecorded}"),
            [Tag("scored_run", p.RunId), Tag("status", p.Status)]);
    }

    private static Wording EvaluationEnded(EvaluationCompleted p)
    {
        var alerts = p.Alerts.Count > 0 ? $"; alerts: {string.Join(", ", p.Alerts.Take(5))}" : string.Empty;
        return new(
            "Evaluation completed",
            string.Create(
                CultureInfo.InvariantCulture,
                $"{p.RunsScored} run(s) scored, {p.RunsSkipped} skipped: success rate {p.SuccessRate:0.0%}, mean quality {p.MeanQuality:0.00}, replay delta {p.ReplayDelta:+0.00;-0.00;0.00}, {p.PolicyRegressions} policy regression(s), {p.DivergentRuns} divergent run(s){alerts}"),
            [Tag("outcome", p.Alerts.Count > 0 ? "alerts" : "clean")]);
    }

    private static Wording EvaluatorsOfDay(EvaluatorsScored p)
    {
        // Failing evaluators first: they are what a reader of the explanation is looking for.
        var parts = p.Evaluators
            .OrderByDescending(r => r.Failed)
            .Take(6)
            .Select(r => string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Evaluator} {(r.Mean is { } mean ? mean.ToString("0.00", CultureInfo.InvariantCulture) : "not run")}{(r.PassRate is { } rate ? $" ({rate:0%} passed, {r.Failed} failed)" : string.Empty)}"));
        var judge = p.JudgeModel is { } model ? $"; judged by {model}" : string.Empty;
        var failing = p.Evaluators.Sum(r => r.Failed);
        return new(
            $"Evaluators scored {p.Day}",
            $"Runs of {p.TenantId} on {p.Day}: {string.Join(", ", parts)}{judge}",
            [Tag("day", p.Day), Tag("outcome", failing > 0 ? "failures" : "clean")]);
    }
}
