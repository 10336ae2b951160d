using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Events;
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

/// <summary>The nightly evaluators' results in the evaluation's own stream, the report's evaluator days and the drop alert.</summary>
public sealed class NightlyEvaluatorJournalTests
{
    private readonly RunHarness _harness = new(
        new ScriptedPlanner(GoldenScenario.TwoSteps), GoldenPolicies.Load(GoldenPolicies.AllowAll), null, GoldenScenario.DefaultTools());

    private readonly InMemoryEventJournal _evaluationJournal = new();
    private readonly InMemoryEvaluationStore _store = new();

    private async Task<string> RunAsync(string tenant, string key)
    {
        var started = await _harness.Commands.StartAsync(new StartRunRequest(tenant, "help the customer", null, null, null, null, key, "http", null));
        await _harness.DriveAsync(started.RunId);
        return started.RunId;
    }

    private EvaluationService Service(ScriptedJudge judge, int sample) => new(
        _harness.Index,
        _harness.Journal,
        new RunReplayer(new ReplayConfiguration(_harness.Catalog, GoldenPolicies.Load(GoldenPolicies.AllowAll))),
        _store,
        _harness.Clock,
        NullLogger<EvaluationService>.Instance,
        _evaluationJournal,
        evaluators: new NightlyEvaluators(DeterministicEvaluators.All(), JudgedEvaluators.All(new Judge()), new ChatConfiguration(judge), sample));

    private DateOnly Today => DateOnly.FromDateTime(_harness.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Evaluate_JournalsEvaluatorsScored_PerDayAndTenant_InAVerifiableChain()
    {
        var t1Runs = new[] { await RunAsync("t1", "a"), await RunAsync("t1", "b") };
        await RunAsync("t2", "c");
        var judge = new ScriptedJudge(_ => """{"score": 2, "reason": "thin"}""");

        var report = await Service(judge, 10).EvaluateAsync(new EvaluationRequest(Today, Today, null, EvaluationRequest.Cli));

        var events = await _evaluationJournal.ReadAsync(report.EvaluationId).ToListAsync();
        var verifier = new ChainVerifier(report.EvaluationId);
        Assert.All(events, e => Assert.True(verifier.Accept(e), verifier.Problem));
        var scored = events.Select(e => e.ReadPayload()).OfType<EvaluatorsScored>().ToList();
        Assert.Equal(["t1", "t2"], scored.Select(s => s.TenantId));
        Assert.IsType<EvaluationCompleted>(events[^1].ReadPayload());
        var t1 = scored[0];
        Assert.Equal(Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t1.Day);
        Assert.Equal("judge-model-1", t1.JudgeModel);
        var relevance = Assert.Single(t1.Evaluators, r => r.Evaluator == EvaluatorNames.AnswerRelevance);
        Assert.Equal((2, 2, 2.0, 0.0), (relevance.Scored, relevance.Failed, relevance.Mean!.Value, relevance.PassRate!.Value));
        Assert.Equal(t1Runs.Order(), relevance.FailingRuns.Order());
        Assert.Equal(JudgedEvaluators.AnswerRelevancePrompt, relevance.PromptVersion);
        var policy = Assert.Single(t1.Evaluators, r => r.Evaluator == EvaluatorNames.Policy);
        Assert.Equal((2, 0, 1.0, null), (policy.Scored, policy.Failed, policy.PassRate!.Value, policy.PromptVersion));
        Assert.Equal(
            scored.SelectMany(s => s.Evaluators.Select(r => (s.TenantId, r.Evaluator, r.Scored, r.Failed, r.Mean, string.Join(",", r.FailingRuns)))),
            report.EvaluatorDays.SelectMany(d => d.Evaluators.Select(r => (d.TenantId, r.Evaluator, r.Scored, r.Failed, r.Mean, string.Join(",", r.FailingRuns)))));
    }

    [Fact]
    public async Task Evaluate_AllTenantReport_SeenByOneTenant_HasOnlyItsEvaluatorDaysAndRuns()
    {
        var t1Run = await RunAsync("t1", "a");
        await RunAsync("t2", "b");
        var service = Service(new ScriptedJudge(_ => """{"score": 1, "reason": "off topic"}"""), 10);
        var report = await service.EvaluateAsync(new EvaluationRequest(Today, Today, null, EvaluationRequest.Cli));

        var seen = await service.GetReportAsync(report.EvaluationId, "t1");

        Assert.Equal("t1", Assert.Single(seen!.EvaluatorDays).TenantId);
        var relevance = Assert.Single(seen.Evaluators!, e => e.Evaluator == EvaluatorNames.AnswerRelevance);
        Assert.Equal([t1Run], relevance.FailedCases);
        Assert.Equal(1, relevance.Scored);
    }

    [Fact]
    public async Task Evaluate_PassRateDropsSignificantlyFromTheDayBefore_WarnsWithTheEvaluatorAndFailingRuns()
    {
        for (var i = 0; i < 5; i++)
        {
            await RunAsync("t1", $"good-{i}");
        }

        var first = await Service(new ScriptedJudge(_ => """{"score": 5, "reason": "on point"}"""), 10)
            .EvaluateAsync(new EvaluationRequest(Today, Today, null, EvaluationRequest.Nightly));
        _harness.Clock.Advance(TimeSpan.FromDays(1));
        var bad = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            bad.Add(await RunAsync("t1", $"bad-{i}"));
        }

        var second = await Service(new ScriptedJudge(_ => """{"score": 1, "reason": "off topic"}"""), 10)
            .EvaluateAsync(new EvaluationRequest(Today, Today, null, EvaluationRequest.Nightly));

        Assert.DoesNotContain(first.Alerts, a => a.Code == EvaluationAlert.EvaluatorDrop);
        var drops = second.Alerts.Where(a => a.Code == EvaluationAlert.EvaluatorDrop).ToList();
        var relevance = Assert.Single(drops, a => a.Evaluator == EvaluatorNames.AnswerRelevance);
        Assert.Equal((0.0, 1.0, "t1"), (relevance.Observed, relevance.Baseline, relevance.TenantId));
        Assert.Equal(bad.Order(), relevance.FailingRuns!.Order());
        Assert.DoesNotContain(drops, a => a.Evaluator == EvaluatorNames.Policy);
        var completed = (await _evaluationJournal.ReadAsync(second.EvaluationId).ToListAsync()).Select(e => e.ReadPayload()).OfType<EvaluationCompleted>().Single();
        Assert.Contains(completed.Alerts, a => a.EndsWith($":{EvaluatorNames.AnswerRelevance}", StringComparison.Ordinal));
    }
}
