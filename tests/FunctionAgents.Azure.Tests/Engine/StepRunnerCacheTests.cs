using FunctionAgents.Azure.Tests.Forensics;
using FunctionAgents.Azure.Tests.OpenAI.Fakes;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Tools;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Engine;

/// <summary>
/// Two step runners over one Azurite journal, as two processes of one app: each keeps run states in its own
/// <see cref="RunStateCache"/>. A cache the other process made stale must never write a duplicate or a wrong event.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StepRunnerCacheTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PerformAsync_CacheStaleAfterTheOtherProcessPlanned_WritesNothingAndReturnsTheOtherPlan()
    {
        // Arrange: A read the run (its cache ends at RunStarted); B, planning differently, performs the plan step
        var store = await ForensicsStore.CreateAsync(azurite);
        var processA = Runner(store, "search_docs");
        var processB = Runner(store, "send_email");
        var runId = await StartAsync(store);
        var started = Fold((await processA.ReadAsync(runId, 0)).Events);
        var plan = Request(started);
        var byB = await processB.PerformAsync(plan);
        Assert.True(byB.Performed);

        // Act: the same activity delivered again to A, whose cached state still ends where the orchestrator expects
        var byA = await processA.PerformAsync(plan);

        // Assert: nothing new in the journal; A hands back B's events; the chain is whole
        var journal = await ReadAllAsync(store, runId);
        Assert.False(byA.Performed);
        Assert.Equal(byB.Events.Select(e => e.Hash), byA.Events.Select(e => e.Hash));
        Assert.Equal(Enumerable.Range(1, 1 + byB.Events.Count).Select(i => (long)i), journal.Select(e => e.Seq));
        var planned = journal.Single(e => e.Type == nameof(PlanGenerated)).PayloadAs<PlanGenerated>();
        Assert.Equal("send_email", Assert.Single(planned.Plan.Steps).Tool);
        Assert.True((await new ChainAudit(store.Journal).VerifyRunAsync(runId)).IsValid);
    }

    [Fact]
    public async Task PerformAsync_OrchestratorAheadOfTheCache_ReadsOnlyTheNewerEventsAndGoesOn()
    {
        // Arrange: A cached the run at RunStarted, B planned, and the orchestrator (which folded B's events) asks A for the next step
        var store = await ForensicsStore.CreateAsync(azurite);
        var processA = Runner(store, "search_docs");
        var processB = Runner(store, "search_docs");
        var runId = await StartAsync(store);
        var started = Fold((await processA.ReadAsync(runId, 0)).Events);
        var afterPlan = Fold((await processB.PerformAsync(Request(started))).Events, started);

        // Act
        var next = await processA.PerformAsync(Request(afterPlan));

        // Assert: A performed the step the orchestrator asked for, right after B's events, once
        Assert.True(next.Performed);
        Assert.Equal(afterPlan.LastSeq + 1, next.Events[0].Seq);
        Assert.Equal(afterPlan.LastHash, next.Events[0].PrevHash);
        var journal = await ReadAllAsync(store, runId);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Seq));
        Assert.True((await new ChainAudit(store.Journal).VerifyRunAsync(runId)).IsValid);
    }

    [Fact]
    public async Task PerformAsync_RequestWithoutAHash_ReadsTheJournalAndSeesTheOtherProcessesEvents()
    {
        // Arrange: an activity input recorded before requests carried the hash
        var store = await ForensicsStore.CreateAsync(azurite);
        var processA = Runner(store, "search_docs");
        var processB = Runner(store, "send_email");
        var runId = await StartAsync(store);
        var started = Fold((await processA.ReadAsync(runId, 0)).Events);
        var byB = await processB.PerformAsync(Request(started));

        // Act
        var byA = await processA.PerformAsync(Request(started) with { ExpectedLastHash = null });

        // Assert
        Assert.False(byA.Performed);
        Assert.Equal(byB.Events.Select(e => e.Hash), byA.Events.Select(e => e.Hash));
    }

    [Fact]
    public void RunStateCache_EntryOlderThanItsLifetime_IsGone()
    {
        // Arrange
        var clock = new ManualTime(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var cache = new RunStateCache(4, TimeSpan.FromSeconds(30), clock);
        cache.Set(RunState.Empty with { RunId = "r1", LastSeq = 3 });

        // Act
        clock.Now += TimeSpan.FromSeconds(29);
        var fresh = cache.TryGet("r1", out _);
        clock.Now += TimeSpan.FromSeconds(2);
        var expired = cache.TryGet("r1", out _);

        // Assert
        Assert.True(fresh);
        Assert.False(expired);
    }

    private static StepRequest Request(RunState state)
    {
        var now = DateTimeOffset.UtcNow;
        return new StepRequest(state.RunId, state.LastSeq, RunDecider.Decide(state, now).Kind, now, state.LastHash);
    }

    private static StepRunner Runner(ForensicsStore store, string plannedTool)
    {
        var catalog = new ToolRegistry([new TestTool("search_docs"), new TestTool("send_email")]);
        var activities = new RunActivities(
            new FixedPlanner(plannedTool),
            new OfflineResponseBuilder(),
            catalog,
            new TestToolRunner(new ToolExecutor(catalog, TimeProvider.System)),
            new RecordingPolicy(),
            TimeProvider.System);
        return new StepRunner(new RunAppender(store.Journal, store.Index, TimeProvider.System), activities, new RunStateCache());
    }

    private static async Task<string> StartAsync(ForensicsStore store)
    {
        var commands = new RunCommands(new RunAppender(store.Journal, store.Index, TimeProvider.System), store.Index, new NoScheduling(), new RunOptions());
        return (await commands.StartAsync(new StartRunRequest("t1", "look something up", 3, 1m, null, null, null, "http", null))).RunId;
    }

    private static RunState Fold(IEnumerable<RunEvent> events, RunState? from = null) => events.Aggregate(from ?? RunState.Empty, RunEvolver.Evolve);

    private static async Task<List<RunEvent>> ReadAllAsync(ForensicsStore store, string runId)
    {
        var events = new List<RunEvent>();
        await foreach (var e in store.Journal.ReadAsync(runId))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Plans one step with the given tool, whatever the goal (two processes planning differently).</summary>
    private sealed class FixedPlanner(string tool) : IPlanner
    {
        public string Name => "fixed";

        public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new PlannerResult(Name, null, $$"""
                {"runId":"{{request.RunId}}","goal":"look something up","maxSteps":3,"budgetUsd":1.0,
                 "steps":[{"id":"s1","objective":"use {{tool}}","tool":"{{tool}}","input":{"q":"x"},"successCriteria":"answered"}],
                 "stopConditions":["all steps done"]}
                """, []));
    }

    private sealed class NoScheduling : IRunOrchestrations
    {
        public Task<bool> ScheduleAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task RaiseAsync(string runId, string eventName, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<RunOrchestrationStatus> GetStatusAsync(string runId, CancellationToken cancellationToken = default) =>
            Task.FromResult(RunOrchestrationStatus.None);
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
