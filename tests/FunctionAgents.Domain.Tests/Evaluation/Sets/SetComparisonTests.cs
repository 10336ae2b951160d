using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Sets;
using static FunctionAgents.Domain.Tests.Evaluation.Sets.SetGateTests;

namespace FunctionAgents.Domain.Tests.Evaluation.Sets;

public sealed class SetComparisonTests
{
    private static SetSide Scores(string label, params double[] values) =>
        Side(label, [.. values.Select((v, i) => Case("c" + i, Metric(EvaluatorNames.AnswerFacts, v, failed: v < 1)))]);

    private static SetReport Report(SetSide baseline, SetSide candidate) =>
        SetSummaries.Report(new EvaluationSet("desk", "desk.yaml", []), DateTimeOffset.UnixEpoch, null, baseline, candidate);

    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(1, 1, 0.5)]
    [InlineData(5, 5, 0.03125)]
    [InlineData(2, 3, 0.5)]
    [InlineData(6, 8, 0.14453125)]
    public void SignTestPValue_IsTheExactBinomialTail(int dropped, int changed, double expected)
    {
        Assert.Equal(expected, SetSummaries.SignTestPValue(dropped, changed), 10);
    }

    [Fact]
    public void Compare_OneCaseDropsOfTwenty_IsNoiseAndTheGatePasses()
    {
        var baseline = Scores("baseline", [.. Enumerable.Repeat(1.0, 20)]);
        var candidate = Scores("candidate", [0.0, .. Enumerable.Repeat(1.0, 19)]);

        var report = Report(baseline, candidate);

        var comparison = Assert.Single(report.Comparison);
        Assert.Equal(1, comparison.Dropped);
        Assert.Equal(-0.05, comparison.Delta!.Value, 10);
        Assert.False(comparison.Regression);
        Assert.True(SetGate.Evaluate(report).Passed);
    }

    [Fact]
    public void Compare_SixCasesDropNoneImproves_IsARegressionAndTheGateFails()
    {
        var baseline = Scores("baseline", [.. Enumerable.Repeat(1.0, 20)]);
        var candidate = Scores("candidate", [.. Enumerable.Repeat(0.9, 6), .. Enumerable.Repeat(1.0, 14)]);

        var report = Report(baseline, candidate);
        var result = SetGate.Evaluate(report, new Dictionary<string, double> { [EvaluatorNames.AnswerFacts] = 0.9 });

        var comparison = Assert.Single(report.Comparison);
        Assert.True(comparison.Regression);
        Assert.Equal(0.015625, comparison.PValue, 10);
        Assert.False(result.Passed);
        Assert.Contains(result.Checks, c => c.Name == "answer_facts_regression" && !c.Passed);
        Assert.Contains(result.Checks, c => c.Name == EvaluatorNames.AnswerFacts && c.Passed);
    }
}
