using FunctionAgents.Domain.Evaluation.Gating;

namespace FunctionAgents.Domain.Tests.Evaluation;

public sealed class EvaluationGateTests
{
    [Fact]
    public void Evaluate_WithinEveryThreshold_Passes()
    {
        var report = ReportFactory.Report(ReportFactory.Group("all", ReportFactory.Side(cost: 10m), ReportFactory.Side(quality: 0.85, cost: 11m)));

        var result = EvaluationGate.Evaluate(report, new GateThresholds(0.82, 0.15, 0));

        Assert.True(result.Passed);
        Assert.Empty(result.Reasons);
        Assert.Equal(["runs", "min_quality", "max_cost_delta", "max_policy_regressions"], result.Checks.Select(c => c.Name));
    }

    [Fact]
    public void Evaluate_EveryThresholdMissed_FailsWithEveryReason()
    {
        var report = ReportFactory.Report(ReportFactory.Group("all", ReportFactory.Side(cost: 10m), ReportFactory.Side(quality: 0.5, cost: 12m), regressions: 3));

        var result = EvaluationGate.Evaluate(report, new GateThresholds(0.82, 0.15, 0));

        Assert.False(result.Passed);
        Assert.Equal(3, result.Reasons.Count);
        Assert.Contains("quality 0.5 is below the minimum 0.82", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("cost delta +0.2 exceeds the maximum +0.15", result.Reasons[1], StringComparison.Ordinal);
        Assert.Contains("3 policy regression(s) exceed the maximum 0", result.Reasons[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExactlyAtThresholds_Passes()
    {
        var report = ReportFactory.Report(ReportFactory.Group("all", ReportFactory.Side(cost: 100m), ReportFactory.Side(quality: 0.82, cost: 115m), regressions: 1));

        Assert.True(EvaluationGate.Evaluate(report, new GateThresholds(0.82, 0.15, 1)).Passed);
    }

    [Fact]
    public void Evaluate_NoRuns_Fails()
    {
        var result = EvaluationGate.Evaluate(ReportFactory.Report(null), new GateThresholds(0.5));

        Assert.False(result.Passed);
        Assert.Contains("no runs were evaluated", Assert.Single(result.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BaselineFreeCandidateCosts_FailsCostDelta()
    {
        var report = ReportFactory.Report(ReportFactory.Group("all", ReportFactory.Side(cost: 0m), ReportFactory.Side(cost: 1m)));

        var result = EvaluationGate.Evaluate(report, new GateThresholds(MaxCostDelta: 0.15));

        Assert.Contains("unbounded", Assert.Single(result.Reasons), StringComparison.Ordinal);
    }
}
