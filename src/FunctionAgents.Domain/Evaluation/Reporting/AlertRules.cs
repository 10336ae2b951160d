using System.Globalization;

namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>
/// The report's alerts, per day. Page: the day's policy violation rate (per 100 runs, as replayed) is above 3x its
/// baseline; the baseline is the same runs as recorded when a candidate was replayed, otherwise the previous day's
/// rate (a zero baseline pages on any violation). Warn: cost per successful run rose more than 30% over the previous
/// day. "Previous day" is the day before in the report, or <c>previousDay</c> from an earlier report.
/// </summary>
public static class AlertRules
{
    public static IReadOnlyList<EvaluationAlert> Evaluate(
        IReadOnlyList<GroupMetrics> days, GroupMetrics? previousDay, bool candidate, AlertThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        thresholds ??= AlertThresholds.Default;
        var alerts = new List<EvaluationAlert>();
        var ordered = days.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var day = ordered[i];
            var previous = i > 0 ? ordered[i - 1] : previousDay;
            previous = previous is not null && IsDayBefore(previous.Key, day.Key) ? previous : null;

            double? baselineRate = candidate ? day.Baseline.ViolationRatePer100 : previous?.Candidate.ViolationRatePer100;
            var rate = day.Candidate.ViolationRatePer100;
            if (baselineRate is { } b && rate > thresholds.ViolationRateMultiplier * b)
            {
                alerts.Add(new EvaluationAlert(
                    EvaluationAlert.Page,
                    EvaluationAlert.PolicyViolationRate,
                    day.Key,
                    Text($"policy violation rate {rate:0.##} per 100 runs is above {thresholds.ViolationRateMultiplier:0.##}x the baseline {b:0.##} ({(candidate ? "the same runs as recorded" : "the previous day")})"),
                    rate,
                    b));
            }

            if (previous?.Candidate.CostPerSuccessfulRunUsd is { } before && before > 0m
                && day.Candidate.CostPerSuccessfulRunUsd is { } now
                && (double)((now - before) / before) > thresholds.CostIncrease)
            {
                var increase = (double)((now - before) / before);
                alerts.Add(new EvaluationAlert(
                    EvaluationAlert.Warn,
                    EvaluationAlert.CostPerSuccessfulRun,
                    day.Key,
                    Text($"cost per successful run rose {increase:P0} day over day, from {before:0.######} to {now:0.######} USD (threshold {thresholds.CostIncrease:P0})"),
                    (double)now,
                    (double)before));
            }
        }

        return alerts;
    }

    private static bool IsDayBefore(string earlier, string later) =>
        DateOnly.TryParseExact(earlier, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
        && DateOnly.TryParseExact(later, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
        && a.AddDays(1) == b;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>When an evaluation raises alerts (the blueprint's defaults).</summary>
/// <param name="ViolationRateMultiplier">Page when the policy violation rate is above this many times its baseline.</param>
/// <param name="CostIncrease">Warn when cost per successful run rose by more than this fraction day over day.</param>
public sealed record AlertThresholds(double ViolationRateMultiplier = 3d, double CostIncrease = 0.30d)
{
    public static AlertThresholds Default { get; } = new();
}

/// <summary>Something in an evaluation a person should look at.</summary>
/// <param name="Severity"><see cref="Page"/> or <see cref="Warn"/>.</param>
/// <param name="Code"><see cref="PolicyViolationRate"/>, <see cref="CostPerSuccessfulRun"/> or <see cref="EvaluatorDrop"/>.</param>
/// <param name="Day">The day the alert is about (<c>yyyy-MM-dd</c>).</param>
/// <param name="Observed">The value that raised it.</param>
/// <param name="Baseline">What it was compared with.</param>
/// <param name="Evaluator">For <see cref="EvaluatorDrop"/>: the evaluator whose pass rate dropped.</param>
/// <param name="TenantId">For <see cref="EvaluatorDrop"/>: the tenant whose runs it is about.</param>
/// <param name="FailingRuns">For <see cref="EvaluatorDrop"/>: up to 20 runs the evaluator failed that day.</param>
public sealed record EvaluationAlert(
    string Severity,
    string Code,
    string Day,
    string Message,
    double Observed,
    double Baseline,
    string? Evaluator = null,
    string? TenantId = null,
    IReadOnlyList<string>? FailingRuns = null)
{
    public const string Page = "page";
    public const string Warn = "warn";
    public const string PolicyViolationRate = "policy_violation_rate";
    public const string CostPerSuccessfulRun = "cost_per_successful_run";
    public const string EvaluatorDrop = "evaluator_drop";
}
