using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using FunctionAgents.Runtime.Evaluation.Judging;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Testing.Stores;
using Microsoft.Extensions.AI.Evaluation;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Runtime.Tests.Evaluation.Sets;

public sealed class NightlyEvaluatorTests
{
    private readonly RunHarness _harness = new(
        new ScriptedPlanner(GoldenScenario.TwoSteps), GoldenPolicies.Load(GoldenPolicies.AllowAll), null, GoldenScenario.DefaultTools());

    private async Task<string> RunAsync(string key)
    {
        var started = await _harness.Commands.StartAsync(new StartRunRequest("t1", "help the customer", null, null, null, null, key, "http", null));
        await _harness.DriveAsync(started.RunId);
        return started.RunId;
    }

    private EvaluationService Service(NightlyEvaluators? evaluators) => new(
        _harness.Index,
        _harness.Journal,
        new RunReplayer(new ReplayConfiguration(_harness.Catalog, GoldenPolicies.Load(GoldenPolicies.AllowAll))),
        new InMemoryEvaluationStore(),
        _harness.Clock,
        NullLogger<EvaluationService>.Instance,
        new InMemoryEventJournal(),
        evaluators: evaluators);

    [Fact]
    public async Task Evaluate_WithEvaluators_ScoresEveryRunDeterministically_AndJudgesOnlyTheSample()
    {
        List<string> runs = [await RunAsync("a"), await RunAsync("b"), await RunAsync("c")];
        var day = DateOnly.FromDateTime(_harness.Clock.GetUtcNow().UtcDateTime);
        var judge = new ScriptedJudge(_ => """{"score": 2, "reason": "thin"}""");

        var report = await Service(new NightlyEvaluators(DeterministicEvaluators.All(), JudgedEvaluators.All(new Judge()), new ChatConfiguration(judge), 1))
            .EvaluateAsync(new EvaluationRequest(day, day, null, EvaluationRequest.Cli));

        var evaluators = report.Evaluators!.ToDictionary(e => e.Evaluator);
        Assert.Equal(3, evaluators[EvaluatorNames.Policy].Scored);
        Assert.Equal(1.0, evaluators[EvaluatorNames.Policy].Mean);
        Assert.Equal(3, evaluators[EvaluatorNames.ToolCalls].NotRun);
        Assert.Equal(1, evaluators[EvaluatorNames.AnswerRelevance].Scored);
        Assert.Equal(2.0, evaluators[EvaluatorNames.AnswerRelevance].Mean);
        Assert.Equal(0, evaluators[EvaluatorNames.AnswerRelevance].NotRun); // runs beyond the sample are not judged at all
        Assert.Single(evaluators[EvaluatorNames.AnswerRelevance].FailedCases, id => runs.Contains(id));
    }

    [Fact]
    public async Task Evaluate_WithoutEvaluators_HasNoEvaluatorSummaries()
    {
        await RunAsync("a");
        var day = DateOnly.FromDateTime(_harness.Clock.GetUtcNow().UtcDateTime);

        var report = await Service(null).EvaluateAsync(new EvaluationRequest(day, day, null, EvaluationRequest.Cli));

        Assert.Null(report.Evaluators);
        Assert.Equal(1, report.RunsScored);
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    public void Options_FromSettings_ReadsTheJudgeSample(string? value, int expected)
    {
        Assert.Equal(expected, EvaluatorOptions.FromSettings(name => name == EvaluatorOptions.JudgeSampleSetting ? value : null).JudgeSample);
    }

    [Fact]
    public void Options_FromSettings_BadSample_NamesTheSetting()
    {
        var ex = Assert.Throws<FormatException>(() => EvaluatorOptions.FromSettings(_ => "-3"));

        Assert.Contains(EvaluatorOptions.JudgeSampleSetting, ex.Message, StringComparison.Ordinal);
    }
}
