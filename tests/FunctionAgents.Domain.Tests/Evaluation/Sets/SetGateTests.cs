using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Sets;

namespace FunctionAgents.Domain.Tests.Evaluation.Sets;

public sealed class SetGateTests
{
    private static readonly SetConfiguration Offline = new("offline", null, "default.yaml", "v", null);

    internal static MetricResult Metric(string evaluator, double? value, bool failed = false, bool errored = false) =>
        new(evaluator, value, value is null ? "inconclusive" : "good", failed, errored, "because");

    internal static SetSide Side(string label, params CaseResult[] cases) => new(label, Offline, cases, SetSummaries.Summarize(cases));

    internal static CaseResult Case(string id, params MetricResult[] metrics) => new(id, "run-" + id, "completed", null, "answer", [], metrics);

    private static SetReport Report(SetSide baseline, SetSide? candidate = null) =>
        SetSummaries.Report(new EvaluationSet("desk", "desk.yaml", []), DateTimeOffset.UnixEpoch, null, baseline, candidate);

    [Fact]
    public void Evaluate_AllMeetDefaults_PassesAndNotRunIsSkippedNotPassed()
    {
        var side = Side("baseline",
            Case("a", Metric(EvaluatorNames.AnswerFacts, 1), Metric(EvaluatorNames.AnswerRelevance, null)),
            Case("b", Metric(EvaluatorNames.AnswerFacts, 1), Metric(EvaluatorNames.AnswerRelevance, null)));

        var result = SetGate.Evaluate(Report(side));

        Assert.True(result.Passed);
        var judged = Assert.Single(result.Checks, c => c.Name == EvaluatorNames.AnswerRelevance);
        Assert.True(judged.NotRun);
        Assert.Contains("not counted as passed", judged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ThresholdAskedForANotRunEvaluator_Fails()
    {
        var side = Side("baseline", Case("a", Metric(EvaluatorNames.AnswerFacts, 1), Metric(EvaluatorNames.AnswerRelevance, null)));

        var result = SetGate.Evaluate(Report(side), new Dictionary<string, double> { [EvaluatorNames.AnswerRelevance] = 4 });

        Assert.False(result.Passed);
        Assert.Contains(result.Checks, c => c.Name == EvaluatorNames.AnswerRelevance && !c.Passed && !c.NotRun);
    }

    [Fact]
    public void Evaluate_BelowThreshold_NamesEvaluatorAndFailingCases_ErroredCaseFails()
    {
        var side = Side("baseline",
            Case("a", Metric(EvaluatorNames.AnswerFacts, 0, failed: true)),
            Case("b", Metric(EvaluatorNames.AnswerFacts, 1)),
            new CaseResult("c", null, null, "the run could not start: goal too long", null, [], []));

        var result = SetGate.Evaluate(Report(side));

        Assert.False(result.Passed);
        Assert.Contains(result.Reasons, r => r.Contains("c (the run could not start: goal too long)", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.Contains("mean 0.5", StringComparison.Ordinal) && r.Contains("failing cases: a", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_OverrideLowersThreshold_Passes()
    {
        var side = Side("baseline", Case("a", Metric(EvaluatorNames.AnswerFacts, 0, failed: true)), Case("b", Metric(EvaluatorNames.AnswerFacts, 1)));

        Assert.True(SetGate.Evaluate(Report(side), new Dictionary<string, double> { [EvaluatorNames.AnswerFacts] = 0.5 }).Passed);
    }
}
