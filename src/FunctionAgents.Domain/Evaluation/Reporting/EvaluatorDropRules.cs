using System.Globalization;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>
/// Warns when an evaluator's pass rate dropped significantly from one UTC day to the next, per tenant: a one-sided
/// Fisher exact test on the two days' passed and failed counts (the runs of two days are different runs, so the paired
/// sign test of the evaluation sets does not apply), alert when the rate fell and p &lt; <see cref="Alpha"/>.
/// </summary>
public static class EvaluatorDropRules
{
    /// <summary>The significance level of a drop.</summary>
    public const double Alpha = 0.05;

    /// <param name="days">The evaluation's days (any order, any tenants).</param>
    /// <param name="previous">The evaluator days of an earlier report; only the day before a day of <paramref name="days"/> is used.</param>
    public static IReadOnlyList<EvaluationAlert> Evaluate(IReadOnlyList<EvaluatorDay> days, IReadOnlyList<EvaluatorDay>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        var byKey = new Dictionary<(string Tenant, string Day), EvaluatorDay>();
        foreach (var day in previous ?? [])
        {
            byKey[(day.TenantId, day.Day)] = day;
        }

        foreach (var day in days)
        {
            byKey[(day.TenantId, day.Day)] = day;
        }

        var alerts = new List<EvaluationAlert>();
        foreach (var day in days.OrderBy(d => d.Day, StringComparer.Ordinal).ThenBy(d => d.TenantId, StringComparer.Ordinal))
        {
            if (DayBefore(day.Day) is not { } before || !byKey.TryGetValue((day.TenantId, before), out var earlier))
            {
                continue;
            }

            foreach (var now in day.Evaluators)
            {
                var then = earlier.Evaluators.FirstOrDefault(r => string.Equals(r.Evaluator, now.Evaluator, StringComparison.Ordinal));
                if (then is null || Drop(then, now) is not { } p)
                {
                    continue;
                }

                var thenRate = then.PassRate ?? 0;
                var nowRate = now.PassRate ?? 0;
                alerts.Add(new EvaluationAlert(
                    EvaluationAlert.Warn,
                    EvaluationAlert.EvaluatorDrop,
                    day.Day,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{now.Evaluator} pass rate of {day.TenantId} dropped from {thenRate:0.#%} ({Passed(then)}/{Judged(then)}) on {before} to {nowRate:0.#%} ({Passed(now)}/{Judged(now)}), Fisher exact p = {p:0.####}"),
                    nowRate,
                    thenRate,
                    now.Evaluator,
                    day.TenantId,
                    now.FailingRuns));
            }
        }

        return alerts;
    }

    /// <summary>The one-sided p-value when the pass rate fell significantly from <paramref name="then"/> to <paramref name="now"/>; else null.</summary>
    public static double? Drop(EvaluatorResult then, EvaluatorResult now)
    {
        ArgumentNullException.ThrowIfNull(then);
        ArgumentNullException.ThrowIfNull(now);
        if (Judged(then) == 0 || Judged(now) == 0 || now.PassRate >= then.PassRate)
        {
            return null;
        }

        var p = FisherLowerTail(Passed(now), Judged(now), Passed(then), Judged(then));
        return p < Alpha ? p : null;
    }

    /// <summary>
    /// P(X ≤ <paramref name="passedNow"/>) where X, the passes among <paramref name="judgedNow"/> runs, is hypergeometric
    /// given both days' totals: the chance of so few passes today if both days shared one pass rate.
    /// </summary>
    public static double FisherLowerTail(int passedNow, int judgedNow, int passedThen, int judgedThen)
    {
        var total = judgedNow + judgedThen;
        var passes = passedNow + passedThen;
        var logFactorials = new double[total + 1];
        for (var i = 2; i <= total; i++)
        {
            logFactorials[i] = logFactorials[i - 1] + Math.Log(i);
        }

        double LogChoose(int n, int k) => logFactorials[n] - logFactorials[k] - logFactorials[n - k];

        var denominator = LogChoose(total, judgedNow);
        var tail = 0d;
        for (var x = Math.Max(0, judgedNow - (total - passes)); x <= passedNow; x++)
        {
            tail += Math.Exp(LogChoose(passes, x) + LogChoose(total - passes, judgedNow - x) - denominator);
        }

        return Math.Min(1, tail);
    }

    private static int Judged(EvaluatorResult r) => r.Scored + r.Errored;

    private static int Passed(EvaluatorResult r) => r.PassRate is { } rate ? (int)Math.Round(rate * Judged(r)) : 0;

    private static string? DayBefore(string day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}
