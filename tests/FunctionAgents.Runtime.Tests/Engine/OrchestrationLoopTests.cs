using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Tests.Engine;

/// <summary>The Durable Functions orchestrator's logic, with the durable primitives simulated in process.</summary>
public sealed class OrchestrationLoopTests
{
    private static ScriptedPlanner TwoSteps() => new(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}")));

    [Fact]
    public async Task RunAsync_ApprovalEventArrives_RunCompletesWithSameEventsAsTheJournalEngine()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runner = new StepRunner(new RunAppender(harness.Journal, harness.Index, harness.Clock), harness.Activities);
        var runId = await harness.StartAsync();
        var waited = new List<string>();

        var status = await OrchestrationLoop.RunAsync(
            runId,
            request => runner.PerformAsync(request),
            (id, after) => runner.ReadAsync(id, after),
            async (eventName, _) =>
            {
                waited.Add(eventName);
                await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", null);
            },
            harness.Clock.GetUtcNow);

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(["approval:s2"], waited);
        Assert.Contains("HumanApproved", await harness.TypesAsync(runId));
        Assert.True((await harness.Journal.VerifyChainAsync(runId)).IsValid);
        Assert.Single(harness.Tool("notify").Dispatches);
    }

    [Fact]
    public async Task RunAsync_ApprovalTimesOut_AppliesOnTimeoutAndCompletes()
    {
        var policy = new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }, new ApprovalSettings(TimeSpan.FromMinutes(30), PolicyAction.Deny));
        var harness = new RunHarness(TwoSteps(), policy);
        var runner = new StepRunner(new RunAppender(harness.Journal, harness.Index, harness.Clock), harness.Activities);
        var runId = await harness.StartAsync();

        var status = await OrchestrationLoop.RunAsync(
            runId,
            request => runner.PerformAsync(request),
            (id, after) => runner.ReadAsync(id, after),
            (_, deadline) =>
            {
                harness.Clock.Advance(deadline - harness.Clock.GetUtcNow());
                return Task.CompletedTask;
            },
            harness.Clock.GetUtcNow);

        Assert.Equal(RunStatus.Completed, status);
        Assert.Contains("ApprovalExpired", await harness.TypesAsync(runId));
        Assert.Empty(harness.Tool("notify").Dispatches);
    }

    [Fact]
    public async Task PerformAsync_RetriedActivityAfterItAppended_ReturnsSameEventsWithoutRunningAgain()
    {
        var harness = new RunHarness(TwoSteps());
        var runner = new StepRunner(new RunAppender(harness.Journal, harness.Index, harness.Clock), harness.Activities);
        var runId = await harness.StartAsync();
        var request = new StepRequest(runId, 1, "Plan", harness.Clock.GetUtcNow());

        var first = await runner.PerformAsync(request);
        var retry = await runner.PerformAsync(request);

        Assert.True(first.Performed);
        Assert.False(retry.Performed);
        Assert.Equal(first.Events.Select(e => e.Hash), retry.Events.Select(e => e.Hash));
        Assert.Equal(1, ((ScriptedPlanner)harness.Planner).Calls);
    }

    [Fact]
    public async Task PerformAsync_StepNoLongerNext_DoesNothing()
    {
        var harness = new RunHarness(TwoSteps());
        var runner = new StepRunner(new RunAppender(harness.Journal, harness.Index, harness.Clock), harness.Activities);
        var runId = await harness.StartAsync();

        var result = await runner.PerformAsync(new StepRequest(runId, 1, "Synthesize", harness.Clock.GetUtcNow()));

        Assert.False(result.Performed);
        Assert.Empty(result.Events);
        Assert.Equal(["RunStarted"], await harness.TypesAsync(runId));
    }
}
