using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Sets;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using FunctionAgents.Runtime.Evaluation.Judging;
using FunctionAgents.Runtime.Evaluation.Sets;
using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Runtime.Tests.Evaluation.Sets;

public sealed class JudgedEvaluatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fa-judge-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static EvaluationSet TwoCases() => new(
        "judged",
        "judged.yaml",
        [
            new EvaluationCase("status", "What is the status of order 1042?", new Dictionary<string, string> { ["asOf"] = "2026-11-20" }, CaseExpectation.None, 3),
            new EvaluationCase("hours", "What are the support opening hours?", null, CaseExpectation.None, 5),
        ]);

    private static async Task<SetSide> RunAsync(Judge judge, ScriptedJudge? model)
    {
        var runner = new EvaluationSetRunner(
            SupportDeskSet.Configuration(), JudgedEvaluators.All(judge), model is null ? null : new ChatConfiguration(model), TimeProvider.System);
        return await runner.RunAsync(TwoCases(), "baseline");
    }

    private static MetricResult Metric(SetSide side, string caseId, string evaluator) =>
        side.Cases.Single(c => c.CaseId == caseId).Metrics.Single(m => m.Evaluator == evaluator);

    [Fact]
    public async Task Judged_NoJudgeModel_IsNotRunNeverPassed()
    {
        var side = await RunAsync(new Judge(), null);

        Assert.All(side.Cases.SelectMany(c => c.Metrics), m =>
        {
            Assert.True(m.NotRun);
            Assert.False(m.Failed);
            Assert.Equal("inconclusive", m.Rating);
            Assert.Contains("no judge model", m.Reason, StringComparison.Ordinal);
        });
        Assert.All(side.Evaluators, e => Assert.Null(e.Mean));
    }

    [Fact]
    public async Task Judged_GoodAndBadJudgements_ScoreRateAndFail()
    {
        // The answer about order 1042 is judged good; the one about opening hours (it quotes the wrong passage) bad.
        var model = new ScriptedJudge(prompt => prompt.Contains("1042", StringComparison.Ordinal)
            ? """{"score": 5, "reason": "states the order's status and delivery date"}"""
            : """{"score": 1, "reason": "does not give the opening hours"}""");

        var side = await RunAsync(new Judge(), model);

        var good = Metric(side, "status", EvaluatorNames.AnswerRelevance);
        Assert.Equal(5, good.Value);
        Assert.Equal("exceptional", good.Rating);
        Assert.False(good.Failed);
        Assert.Equal("states the order's status and delivery date", good.Reason);
        var bad = Metric(side, "hours", EvaluatorNames.AnswerRelevance);
        Assert.Equal(1, bad.Value);
        Assert.Equal("unacceptable", bad.Rating);
        Assert.True(bad.Failed);
        Assert.Equal(5, Metric(side, "status", EvaluatorNames.StepSuccess).Value);
        Assert.Contains("hours", SetGate.Evaluate(SetSummaries.Report(TwoCases(), DateTimeOffset.UnixEpoch, null, side, null))
            .Checks.Single(c => c.Name == EvaluatorNames.AnswerGroundedness).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judged_AnswerOutsideTheSchema_IsAnErroredMetricWithTheReason()
    {
        var model = new ScriptedJudge(_ => "Looks fine to me!");

        var side = await RunAsync(new Judge(), model);

        var metric = Metric(side, "status", EvaluatorNames.AnswerRelevance);
        Assert.True(metric.Errored);
        Assert.Null(metric.Value);
        Assert.True(metric.Failed);
        Assert.Contains("outside its schema", metric.Reason, StringComparison.Ordinal);
        Assert.Contains("Looks fine to me!", metric.Reason, StringComparison.Ordinal);
        Assert.False(SetGate.Evaluate(SetSummaries.Report(TwoCases(), DateTimeOffset.UnixEpoch, null, side, null)).Passed);
    }

    [Theory]
    [InlineData("""{"score": 7, "reason": "x"}""")]
    [InlineData("""{"score": "5", "reason": "x"}""")]
    [InlineData("""{"score": 4}""")]
    [InlineData("""[4, "x"]""")]
    public void Parse_OutsideTheSchema_Throws(string text)
    {
        var ex = Assert.Throws<EvaluatorException>(() => Judge.Parse(text));

        Assert.Contains("outside its schema", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judged_RescoringTheSameRunsWithTheCache_MakesNoModelCallAndGivesTheSameNumbers()
    {
        var cache = Path.Combine(_folder, "judgements.jsonl");
        var model = new ScriptedJudge(prompt => $$"""{"score": {{(prompt.Length % 5) + 1}}, "reason": "scripted"}""");
        var first = new Judge(new JudgementCache(cache));
        var firstSide = await RunAsync(first, model);
        var callsOnFirstPass = model.Calls;

        var again = new Judge(new JudgementCache(cache));
        var secondSide = await RunAsync(again, model);

        Assert.True(callsOnFirstPass > 0);
        Assert.Equal(callsOnFirstPass, first.ModelCalls);
        Assert.Equal(0, again.ModelCalls);
        Assert.Equal(callsOnFirstPass, model.Calls);
        Assert.Equal(
            firstSide.Cases.SelectMany(c => c.Metrics).Select(m => (m.Evaluator, m.Value)),
            secondSide.Cases.SelectMany(c => c.Metrics).Select(m => (m.Evaluator, m.Value)));
    }
}
