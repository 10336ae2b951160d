using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Reporting;

namespace FunctionAgents.Domain.Tests.Evaluation;

/// <summary>Reports and group metrics built by hand for gate and alert tests.</summary>
internal static class ReportFactory
{
    public static SideMetrics Side(int runs = 100, int successful = 90, double quality = 0.9, int violations = 2, decimal cost = 10m) => new(
        runs, successful, (double)successful / runs, quality, violations, 100d * violations / runs, cost, successful == 0 ? null : cost / successful, 100, 1000);

    public static GroupMetrics Group(string key, SideMetrics? baseline = null, SideMetrics? candidate = null, int regressions = 0)
    {
        var b = baseline ?? Side();
        var c = candidate ?? b;
        return new GroupMetrics(key, c.Runs, b, c, c.MeanQuality - b.MeanQuality, b.TotalCostUsd == 0 ? null : (double)((c.TotalCostUsd - b.TotalCostUsd) / b.TotalCostUsd), regressions, 0, 0);
    }

    public static EvaluationReport Report(GroupMetrics? overall) => new()
    {
        EvaluationId = "eval-test",
        Trigger = "cli",
        StartedAt = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero),
        From = new DateOnly(2026, 11, 20),
        To = new DateOnly(2026, 11, 20),
        Mode = ReplayMode.Recorded,
        PolicyVersion = "v",
        StepScorer = "default",
        RunsScored = overall?.Runs ?? 0,
        Overall = overall,
    };
}
