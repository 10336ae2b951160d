using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Runs;
using FunctionAgents.Core.Tests.Runs.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Core.Tests.Runs;

public sealed class RunEngineCrashTests
{
    private static ScriptedPlanner TwoSteps() => new(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}")));

    public static TheoryData<FaultPoint, int> CrashPoints()
    {
        var data = new TheoryData<FaultPoint, int>();
        // Seven activities append in a two-step run: plan, (policy, execute) twice, synthesize, finish.
        for (var nth = 1; nth <= 7; nth++)
        {
            data.Add(FaultPoint.BeforeAppend, nth);
            data.Add(FaultPoint.AfterAppend, nth);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task AdvanceAsync_CrashAnywhere_ResumesWithoutDuplicatesOrGaps(FaultPoint point, int nth)
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();
        var crash = new CrashAt(point, nth);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Engine(crash).AdvanceAsync(runId));
        var outcome = await harness.Engine().AdvanceAsync(runId);

        Assert.Equal(AdvanceOutcome.Finished, outcome);
        var events = await harness.EventsAsync(runId);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.True((await harness.Journal.VerifyChainAsync(runId)).IsValid);
        Assert.Equal(RunStatus.Completed, (await harness.StateAsync(runId)).Status);
        Assert.Equal(2, events.Count(e => e.Type == "ToolExecuted"));
        // A crash between a side effect and its append re-dispatches with the same id: one side effect each.
        Assert.Single(harness.Tool("lookup").Dispatches.Keys);
        Assert.Single(harness.Tool("notify").Dispatches.Keys);
    }

    [Fact]
    public async Task AdvanceAsync_TwoEnginesOnOneRun_LoserStopsAndRunCompletesOnce()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();
        var slowTool = harness.Tool("lookup");

        var outcomes = await Task.WhenAll(harness.Engine().AdvanceAsync(runId), harness.Engine().AdvanceAsync(runId));

        Assert.Contains(AdvanceOutcome.Finished, outcomes);
        var events = await harness.EventsAsync(runId);
        Assert.Single(events, e => e.Type == "RunCompleted");
        Assert.True((await harness.Journal.VerifyChainAsync(runId)).IsValid);
        Assert.Single(slowTool.Dispatches.Keys);
    }

    [Fact]
    public async Task EngineWorker_QueueDriven_CompletesRunAndDeletesMessages()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();
        var worker = new EngineWorker(harness.Engine(), harness.Queue, new RunWriter(harness.Journal, harness.Index, harness.Clock), new EngineWorkerOptions(), harness.Clock, NullLogger<EngineWorker>.Instance);

        var received = await worker.ProcessBatchAsync(CancellationToken.None);

        Assert.Equal(1, received);
        Assert.Equal(0, harness.Queue.Count);
        Assert.Equal(RunStatus.Completed, (await harness.StateAsync(runId)).Status);
    }

    [Fact]
    public async Task EngineWorker_CrashThenRedelivery_ResumesFromJournal()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();
        var crashing = new EngineWorker(harness.Engine(new CrashAt(FaultPoint.BeforeAppend, 3)), harness.Queue, new RunWriter(harness.Journal, harness.Index, harness.Clock), new EngineWorkerOptions(), harness.Clock, NullLogger<EngineWorker>.Instance);
        var healthy = new EngineWorker(harness.Engine(), harness.Queue, new RunWriter(harness.Journal, harness.Index, harness.Clock), new EngineWorkerOptions(), harness.Clock, NullLogger<EngineWorker>.Instance);

        await crashing.ProcessBatchAsync(CancellationToken.None);
        var leftAfterCrash = harness.Queue.Count;
        harness.Queue.ExpireVisibility();
        await healthy.ProcessBatchAsync(CancellationToken.None);

        Assert.Equal(1, leftAfterCrash);
        Assert.Equal(0, harness.Queue.Count);
        Assert.Equal(RunStatus.Completed, (await harness.StateAsync(runId)).Status);
        Assert.Single(harness.Tool("notify").Dispatches.Keys);
    }

    [Fact]
    public async Task EngineWorker_FailsEveryAttempt_PoisonsAndFailsRunWithNamedReason()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();
        var options = new EngineWorkerOptions { MaxAttempts = 5 };

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var worker = new EngineWorker(harness.Engine(new CrashAt(FaultPoint.BeforeAppend, 1)), harness.Queue, new RunWriter(harness.Journal, harness.Index, harness.Clock), options, harness.Clock, NullLogger<EngineWorker>.Instance);
            await worker.ProcessBatchAsync(CancellationToken.None);
            harness.Queue.ExpireVisibility();
        }

        var state = await harness.StateAsync(runId);
        Assert.Equal(RunStatus.Failed, state.Status);
        Assert.Equal(FailureCodes.EngineError, state.FailureCode);
        Assert.Equal(runId, Assert.Single(harness.Queue.Poisoned).RunId);
    }

    [Fact]
    public async Task RunSweeper_StrandedRun_IsReenqueued()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();
        foreach (var item in await harness.Queue.ReceiveAsync(10, TimeSpan.FromMinutes(1)))
        {
            await harness.Queue.CompleteAsync(item);
        }

        var sweeper = new RunSweeper(harness.Index, harness.Journal, harness.Queue, harness.Clock, TimeSpan.FromMinutes(2));
        var early = await sweeper.SweepAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(3));
        var late = await sweeper.SweepAsync();

        Assert.Empty(early);
        Assert.Equal([runId], late);
        Assert.Equal(runId, Assert.Single(await harness.Queue.ReceiveAsync(10, TimeSpan.FromMinutes(1))).RunId);
    }
}
