using FunctionAgents.Domain.Evaluation;
using FunctionAgents.Domain.Evaluation.Gating;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Scheduling;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Testing.Stores;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Runtime.Tests.Evaluation;

public sealed class EvaluationServiceTests
{
    private static readonly DateOnly Yesterday = new(2026, 11, 21);

    private readonly RunHarness _harness = new(
        new ScriptedPlanner(GoldenScenario.TwoSteps), GoldenPolicies.Load(GoldenPolicies.AllowAll), null, GoldenScenario.DefaultTools());

    private readonly InMemoryEvaluationStore _store = new();
    private readonly InMemoryEventJournal _evaluations = new();

    /// <summary>Runs on 20 Nov (1), 21 Nov (2 of t1, 1 of t2, 1 unfinished) and 22 Nov (1); the clock ends on 22 Nov.</summary>
    private async Task<List<string>> SeedThreeDaysAsync()
    {
        await RunAsync("t1", "day1-a");
        _harness.Clock.Advance(TimeSpan.FromDays(1));
        List<string> yesterday = [await RunAsync("t1", "day2-a"), await RunAsync("t1", "day2-b"), await RunAsync("t2", "day2-c")];
        await _harness.Commands.StartAsync(new StartRunRequest("t1", "never advanced", null, null, null, null, "day2-unfinished", "http", null));
        _harness.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync("t1", "day3-a");
        return yesterday;
    }

    private async Task<string> RunAsync(string tenant, string key)
    {
        var started = await _harness.Commands.StartAsync(new StartRunRequest(tenant, "help the customer", null, null, null, null, key, "http", null));
        await _harness.DriveAsync(started.RunId);
        return started.RunId;
    }

    private EvaluationService Service(string? candidatePolicy = null) => new(
        _harness.Index,
        _harness.Journal,
        new RunReplayer(new ReplayConfiguration(
            _harness.Catalog, GoldenPolicies.Load(candidatePolicy ?? GoldenPolicies.AllowAll), CandidatePolicy: candidatePolicy is not null)),
        _store,
        _harness.Clock,
        NullLogger<EvaluationService>.Instance,
        _evaluations);

    [Fact]
    public async Task NightlyJob_Tick_EvaluatesExactlyYesterdaysFinishedRuns()
    {
        var yesterday = await SeedThreeDaysAsync();
        var tick = new ScheduleTick(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero), false, null, new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

        await new NightlyEvaluationJob(Service()).ExecuteAsync(tick, CancellationToken.None);

        var report = Assert.IsType<EvaluationReport>(await _store.GetLatestAsync(null));
        Assert.Equal((Yesterday, Yesterday, "nightly"), (report.From, report.To, report.Trigger));
        Assert.Equal((3, 1), (report.RunsScored, report.RunsSkipped));
        var rows = await _store.ListRunScoresAsync(report.EvaluationId).Select(r => r.RunId).ToListAsync();
        Assert.Equal(yesterday.Order(StringComparer.Ordinal), rows);
        Assert.Equal(["2026-11-21"], report.Days.Select(d => d.Key));
    }

    [Fact]
    public void NightlyJob_LateTick_StillPicksTheDayBeforeItsOccurrence()
    {
        var late = new ScheduleTick(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero), true, null, new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(Yesterday, NightlyEvaluationJob.DayFor(late));
    }

    [Fact]
    public async Task EvaluateAsync_JournalsStartedEveryScoredRunAndCompleted()
    {
        var yesterday = await SeedThreeDaysAsync();

        var report = await Service().EvaluateAsync(new EvaluationRequest(Yesterday, Yesterday, null, EvaluationRequest.Manual));

        var events = await _evaluations.ReadAsync(report.EvaluationId).ToListAsync();
        Assert.Equal(["EvaluationStarted", "RunScored", "RunScored", "RunScored", "EvaluationCompleted"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(Domain.Events.Actors.Evaluator, e.Actor));
        Assert.Equal(yesterday.Order(StringComparer.Ordinal), events.Where(e => e.Type == "RunScored").Select(e => e.PayloadAs<RunScored>().RunId).Order(StringComparer.Ordinal));
        Assert.Equal(3, events[^1].PayloadAs<EvaluationCompleted>().RunsScored);
        Assert.True((await _evaluations.VerifyChainAsync(report.EvaluationId)).IsValid);
    }

    [Fact]
    public async Task EvaluateAsync_CurrentConfiguration_IsDeterministicWithoutRegressionsOrAlerts()
    {
        await SeedThreeDaysAsync();

        var report = await Service().EvaluateAsync(new EvaluationRequest(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), null, EvaluationRequest.Manual));

        Assert.Equal(5, report.RunsScored);
        Assert.Equal((0, 0, 0d), (report.Overall!.DivergentRuns, report.Overall.PolicyRegressions, report.Overall.ReplayDelta));
        Assert.Equal(1d, report.Overall.Candidate.SuccessRate);
        Assert.Equal(3, report.Days.Count);
        Assert.Equal(["t1", "t2"], report.Tenants.Select(t => t.Key));
        Assert.Empty(report.Alerts);
        Assert.Equal(report, EvaluationJson.DeserializeReport(EvaluationJson.Serialize(report)) with { Days = report.Days, Routes = report.Routes, Models = report.Models, Tenants = report.Tenants, Alerts = report.Alerts, EvaluatorDays = report.EvaluatorDays, Divergences = report.Divergences, Regressions = report.Regressions });
    }

    [Fact]
    public async Task EvaluateAsync_CandidateDenyingEmail_RegressesEveryRunPagesAndFailsTheGate()
    {
        await SeedThreeDaysAsync();

        var report = await Service(GoldenPolicies.DenyEmail).EvaluateAsync(new EvaluationRequest(Yesterday, Yesterday, null, EvaluationRequest.Cli));

        Assert.True(report.CandidatePolicy);
        Assert.Equal(3, report.Overall!.PolicyRegressions);
        Assert.Equal(3, report.Regressions.Count);
        Assert.Equal(-0.5, report.Overall.ReplayDelta, 6);
        Assert.Contains(report.Alerts, a => a is { Severity: EvaluationAlert.Page, Code: EvaluationAlert.PolicyViolationRate });
        var gate = EvaluationGate.Evaluate(report, new GateThresholds(0.82, 0.15, 0));
        Assert.False(gate.Passed);
        Assert.Equal(2, gate.Reasons.Count);
    }

    [Fact]
    public async Task GetReportAsync_EvaluationOfAllTenants_IsScopedToTheCaller()
    {
        await SeedThreeDaysAsync();
        var service = Service();
        var report = await service.EvaluateAsync(new EvaluationRequest(Yesterday, Yesterday, null, EvaluationRequest.Manual));

        var forT2 = await service.GetReportAsync(report.EvaluationId, "t2");
        var latestForT1 = await service.GetLatestAsync("t1");
        var unknown = await service.GetReportAsync("eval-nope", "t1");

        Assert.Equal(("t2", 1), (forT2!.TenantId, forT2.RunsScored));
        Assert.Equal(["t2"], forT2.Tenants.Select(t => t.Key));
        Assert.Equal(("t1", 2), (latestForT1!.TenantId, latestForT1.RunsScored));
        Assert.Null(unknown);
    }

    [Fact]
    public async Task GetReportAsync_AnotherTenantsEvaluation_IsNotFound()
    {
        await SeedThreeDaysAsync();
        var service = Service();
        var report = await service.EvaluateAsync(new EvaluationRequest(Yesterday, Yesterday, "t2", EvaluationRequest.Manual));

        Assert.Equal(1, report.RunsScored);
        Assert.Null(await service.GetReportAsync(report.EvaluationId, "t1"));
        Assert.NotNull(await service.GetReportAsync(report.EvaluationId, "t2"));
    }

    [Fact]
    public async Task EvaluateAsync_ReversedOrTooLongWindow_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Service().EvaluateAsync(new EvaluationRequest(Yesterday, Yesterday.AddDays(-1), null, "cli")));
        await Assert.ThrowsAsync<ArgumentException>(() => Service().EvaluateAsync(new EvaluationRequest(Yesterday, Yesterday.AddDays(40), null, "cli")));
    }

    [Fact]
    public async Task EvaluateAsync_ReportsProgressPerDay()
    {
        await SeedThreeDaysAsync();
        var seen = new List<EvaluationProgress>();

        await Service().EvaluateAsync(new EvaluationRequest(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), null, "cli"), new SynchronousProgress(seen.Add));

        Assert.Equal([1, 2, 3, 3], seen.Select(p => p.Day));
        Assert.Equal(5, seen[^1].RunsScored);
    }

    private sealed class SynchronousProgress(Action<EvaluationProgress> report) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => report(value);
    }
}
