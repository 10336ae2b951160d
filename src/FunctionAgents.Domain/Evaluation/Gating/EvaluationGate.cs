using System.Globalization;
using FunctionAgents.Domain.Evaluation.Reporting;

namespace FunctionAgents.Domain.Evaluation.Gating;

/// <summary>
/// Decides whether a candidate may ship from its evaluation report: every given threshold is checked and every
/// failure is reported, not only the first. A report without runs fails: a gate over nothing proves nothing.
/// </summary>
public static class EvaluationGate
{
    public static GateResult Evaluate(EvaluationReport report, GateThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(thresholds);
        var checks = new List<GateCheck>();
        if (report.Overall is not { Runs: > 0 } overall)
        {
            checks.Add(new GateCheck("runs", false, "no runs were evaluated, so nothing supports the candidate"));
            return new GateResult(false, checks);
        }

        checks.Add(new GateCheck("runs", true, Text($"{overall.Runs} runs evaluated")));
        if (thresholds.MinQuality is { } minQuality)
        {
            var quality = overall.Candidate.MeanQuality;
            checks.Add(new GateCheck(
                "min_quality",
                quality >= minQuality,
                Text($"quality {quality:0.####} {(quality >= minQuality ? "meets" : "is below")} the minimum {minQuality:0.####} (baseline {overall.Baseline.MeanQuality:0.####})")));
        }

        if (thresholds.MaxCostDelta is { } maxCostDelta)
        {
            checks.Add(overall.CostDelta is { } delta
                ? new GateCheck(
                    "max_cost_delta",
                    delta <= maxCostDelta,
                    Text($"cost delta {delta:+0.####;-0.####;0} {(delta <= maxCostDelta ? "is within" : "exceeds")} the maximum {maxCostDelta:+0.####;-0.####;0} ({overall.Baseline.TotalCostUsd} -> {overall.Candidate.TotalCostUsd} USD)"))
                : new GateCheck(
                    "max_cost_delta",
                    false,
                    Text($"cost delta is unbounded: the baseline cost nothing and the candidate costs {overall.Candidate.TotalCostUsd} USD")));
        }

        if (thresholds.MaxPolicyRegressions is { } maxRegressions)
        {
            var regressions = overall.PolicyRegressions;
            checks.Add(new GateCheck(
                "max_policy_regressions",
                regressions <= maxRegressions,
                Text($"{regressions} policy regression(s) {(regressions <= maxRegressions ? "within" : "exceed")} the maximum {maxRegressions}")));
        }

        return new GateResult(checks.TrueForAll(c => c.Passed), checks);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One gate condition and how the report fared.</summary>
/// <param name="Name"><c>runs</c>, <c>min_quality</c>, <c>max_cost_delta</c> or <c>max_policy_regressions</c>.</param>
/// <param name="Message">The measured value against the threshold, in words; for a failure, the reason.</param>
/// <param name="NotRun">Nothing was measured (an evaluator that needs a model had none): neither a pass nor a fail.</param>
public sealed record GateCheck(string Name, bool Passed, string Message, bool NotRun = false);

/// <summary>Pass or fail, with every check made.</summary>
public sealed record GateResult(bool Passed, IReadOnlyList<GateCheck> Checks)
{
    /// <summary>Every reason the gate failed (empty when it passed).</summary>
    public IReadOnlyList<string> Reasons => [.. Checks.Where(c => !c.Passed).Select(c => c.Message)];
}

/// <summary>What a candidate must meet to ship; a null threshold is not checked.</summary>
/// <param name="MinQuality">Lowest acceptable candidate mean quality, in [0, 1].</param>
/// <param name="MaxCostDelta">Highest acceptable relative cost change against the baseline (0.15 = +15%).</param>
/// <param name="MaxPolicyRegressions">Most steps whose policy decision may differ from the baseline's.</param>
public sealed record GateThresholds(double? MinQuality = null, double? MaxCostDelta = null, int? MaxPolicyRegressions = null);
