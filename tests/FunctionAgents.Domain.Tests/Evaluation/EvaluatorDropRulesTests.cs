using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Tests.Evaluation;

public sealed class EvaluatorDropRulesTests
{
    private static EvaluatorResult Result(string evaluator, int passed, int judged, params string[] failing) =>
        new(evaluator, judged, 0, 0, judged - passed, 0.5, judged == 0 ? null : (double)passed / judged, failing);

    private static EvaluatorDay Day(string day, string tenant, params EvaluatorResult[] results) => new(day, tenant, null, results);

    [Fact]
    public void FisherLowerTail_MatchesTheHypergeometricByHand()
    {
        // 4/4 passed then, 0/4 now: only one of C(8,4) = 70 tables is as extreme.
        Assert.Equal(1d / 70, EvaluatorDropRules.FisherLowerTail(0, 4, 4, 4), 12);

        // 1/4 now against 4/4: 5 passes over 8 runs, at least one of them today; P(X = 1) = C(5,1) C(3,3) / C(8,4) = 5/70.
        Assert.Equal(5d / 70, EvaluatorDropRules.FisherLowerTail(1, 4, 4, 4), 12);
        Assert.Equal(1d, EvaluatorDropRules.FisherLowerTail(4, 4, 4, 4), 12);
    }

    [Theory]
    [InlineData(49, 50, 47, 50, false)] // 98% -> 94%: within noise
    [InlineData(49, 50, 35, 50, true)] // 98% -> 70%: a real drop
    [InlineData(1, 1, 0, 1, false)] // one run each: never significant
    [InlineData(40, 50, 45, 50, false)] // a rise is never a drop
    public void Evaluate_PassRateBetweenDays_WarnsOnlyOnASignificantDrop(int passedThen, int judgedThen, int passedNow, int judgedNow, bool warns)
    {
        var then = Day("2026-11-19", "t1", Result("citation_groundedness", passedThen, judgedThen));
        var now = Day("2026-11-20", "t1", Result("citation_groundedness", passedNow, judgedNow, "run-7", "run-9"));

        var alerts = EvaluatorDropRules.Evaluate([now, then]);

        Assert.Equal(warns, alerts.Count == 1);
        if (warns)
        {
            var alert = alerts[0];
            Assert.Equal((EvaluationAlert.Warn, EvaluationAlert.EvaluatorDrop, "2026-11-20", "citation_groundedness", "t1"), (alert.Severity, alert.Code, alert.Day, alert.Evaluator, alert.TenantId));
            Assert.Equal(((double)passedNow / judgedNow, (double)passedThen / judgedThen), (alert.Observed, alert.Baseline));
            Assert.Equal(["run-7", "run-9"], alert.FailingRuns);
            Assert.Contains("Fisher exact p = ", alert.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_PreviousReportsDayBefore_IsTheBaseline_PerTenant()
    {
        var yesterday = new[] { Day("2026-11-19", "t1", Result("personal_data", 20, 20)), Day("2026-11-19", "t2", Result("personal_data", 0, 20)) };
        var today = new[] { Day("2026-11-20", "t1", Result("personal_data", 5, 20)), Day("2026-11-20", "t2", Result("personal_data", 5, 20)) };

        var alerts = EvaluatorDropRules.Evaluate(today, yesterday);

        Assert.Equal("t1", Assert.Single(alerts).TenantId);
    }

    [Fact]
    public void Evaluate_NoDayBefore_RaisesNothing()
    {
        var alerts = EvaluatorDropRules.Evaluate([Day("2026-11-18", "t1", Result("cost", 20, 20)), Day("2026-11-20", "t1", Result("cost", 0, 20))]);

        Assert.Empty(alerts);
    }

    [Fact]
    public void Accumulator_Results_CountsPassedFailedErroredAndNotRun()
    {
        var accumulator = new EvaluatorAccumulator();
        accumulator.Add("r1", [new MetricResult("answer_relevance", 4, "good", false, false, "fine")]);
        accumulator.Add("r2", [new MetricResult("answer_relevance", 1, "unacceptable", true, false, "off")]);
        accumulator.Add("r3", [new MetricResult("answer_relevance", null, "unknown", true, true, "bad json")]);
        accumulator.Add("r4", [new MetricResult("answer_relevance", null, "inconclusive", false, false, "no judge")]);

        var result = Assert.Single(accumulator.Results(new Dictionary<string, string> { ["answer_relevance"] = "judge/answer-relevance/v1" }));

        Assert.Equal((2, 1, 1, 2, 2.5), (result.Scored, result.NotRun, result.Errored, result.Failed, result.Mean!.Value));
        Assert.Equal(1d / 3, result.PassRate!.Value, 12);
        Assert.Equal(["r2", "r3"], result.FailingRuns);
        Assert.Equal("judge/answer-relevance/v1", result.PromptVersion);
    }

    [Fact]
    public void Combine_Days_WeightsTheMeanByScoredRuns()
    {
        var combined = EvaluatorSummaries.Combine([[new EvaluatorResult("cost", 1, 0, 0, 1, 0.0, 0, ["a"])], [new EvaluatorResult("cost", 3, 1, 0, 0, 1.0, 1, [])]]);

        var cost = Assert.Single(combined);
        Assert.Equal((4, 1, 0.75), (cost.Scored, cost.NotRun, cost.Mean!.Value));
        Assert.Equal(["a"], cost.FailedCases);
    }
}
