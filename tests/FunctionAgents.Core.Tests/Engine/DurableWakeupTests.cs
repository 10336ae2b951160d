using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Policy;
using FunctionAgents.Core.Tests.Runs.Fakes;

namespace FunctionAgents.Core.Tests.Engine;

public sealed class DurableWakeupTests
{
    private static ScriptedPlanner TwoSteps() => new(ScriptedPlanner.Plan(("s1", "lookup", "a"), ("s2", "notify", "b")));

    [Fact]
    public async Task Plan_NewRunWithoutOrchestration_StartsIt()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();

        var action = DurableWakeup.Plan(await harness.StateAsync(runId), orchestrationRunning: false);

        Assert.True(action.StartOrchestration);
        Assert.Empty(action.RaiseEvents);
    }

    [Fact]
    public async Task Plan_ApprovedWhileOrchestrationWaits_RaisesTheStepsEvent()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await harness.StartAsync();
        await harness.Engine().AdvanceAsync(runId);
        await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", null);

        var action = DurableWakeup.Plan(await harness.StateAsync(runId), orchestrationRunning: true);

        Assert.False(action.StartOrchestration);
        Assert.Equal(["approval:s2"], action.RaiseEvents);
    }

    [Fact]
    public async Task Plan_CancelledWhileWaiting_RaisesTheWaitingStepsEvent()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await harness.StartAsync();
        await harness.Engine().AdvanceAsync(runId);
        await harness.Commands.CancelAsync("t1", runId, "stop", "alice");

        var running = DurableWakeup.Plan(await harness.StateAsync(runId), orchestrationRunning: true);
        var stopped = DurableWakeup.Plan(await harness.StateAsync(runId), orchestrationRunning: false);

        Assert.Equal(["approval:s2"], running.RaiseEvents);
        Assert.False(stopped.StartOrchestration);
    }
}
