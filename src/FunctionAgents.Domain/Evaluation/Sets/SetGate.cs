using System.Globalization;
using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Gating;

namespace FunctionAgents.Domain.Evaluation.Sets;

/// <summary>
/// Gates an evaluation-set report: every case must have run (an errored case fails), each evaluator's mean over the
/// scored cases must meet its threshold (<see cref="EvaluatorNames.DefaultThresholds"/>, overridden per evaluator),
/// and with a candidate no evaluator may show a significant regression against the baseline. An evaluator that was not
/// run passes nothing: it is reported as not run, and fails when a threshold was asked for it explicitly.
/// </summary>
public static class SetGate
{
    public static GateResult Evaluate(SetReport report, IReadOnlyDictionary<string, double>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        overrides ??= new Dictionary<string, double>();
        var side = report.Gated;
        var checks = new List<GateCheck>();
        var errored = side.Cases.Where(c => c.Errored).ToList();
        checks.Add(side.Cases.Count == 0
            ? new GateCheck("cases", false, "no cases were run, so nothing supports the configuration")
            : errored.Count == 0
                ? new GateCheck("cases", true, Text($"{side.Cases.Count} cases ran"))
                : new GateCheck("cases", false, $"{errored.Count} case(s) errored: {string.Join("; ", errored.Select(c => $"{c.CaseId} ({c.Error})"))}"));

        foreach (var name in overrides.Keys.Where(k => side.Evaluators.All(e => e.Evaluator != k)))
        {
            checks.Add(new GateCheck(name, false, "a threshold was given but the report has no such evaluator"));
        }

        foreach (var summary in side.Evaluators)
        {
            var explicitThreshold = overrides.TryGetValue(summary.Evaluator, out var given);
            var threshold = explicitThreshold ? given : EvaluatorNames.DefaultThresholds.GetValueOrDefault(summary.Evaluator, 1.0);
            if (summary.Mean is not { } mean)
            {
                checks.Add(summary.Errored > 0
                    ? new GateCheck(summary.Evaluator, false, $"errored on {summary.Errored} case(s): {string.Join(", ", summary.FailedCases)}")
                    : new GateCheck(
                        summary.Evaluator,
                        !explicitThreshold,
                        explicitThreshold ? "a threshold was given but the evaluator was not run on any case" : "not run on any case (not counted as passed)",
                        NotRun: !explicitThreshold));
                continue;
            }

            var passed = mean >= threshold && summary.Errored == 0;
            var failing = summary.FailedCases.Count == 0 ? string.Empty : $"; failing cases: {string.Join(", ", summary.FailedCases)}";
            checks.Add(new GateCheck(
                summary.Evaluator,
                passed,
                Text($"mean {mean:0.###} over {summary.Scored} case(s) {(mean >= threshold ? "meets" : "is below")} {threshold:0.###}") +
                (summary.Errored > 0 ? Text($", {summary.Errored} errored") : string.Empty) + failing));
        }

        foreach (var comparison in report.Comparison.Where(c => c.Regression))
        {
            checks.Add(new GateCheck(
                $"{comparison.Evaluator}_regression",
                false,
                Text($"regression against the baseline, {comparison.BaselineMean:0.###} -> {comparison.CandidateMean:0.###}, {comparison.Dropped} case(s) dropped, {comparison.Improved} improved, sign test p = {comparison.PValue:0.####}")));
        }

        return new GateResult(checks.TrueForAll(c => c.Passed), checks);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
