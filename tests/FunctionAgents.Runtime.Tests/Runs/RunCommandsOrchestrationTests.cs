using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Tests.Runs;

/// <summary>What the commands ask of the run's orchestration: schedule on start, raise on a decision, 409 when it no longer waits.</summary>
public sealed class RunCommandsOrchestrationTests
{
    private static RunHarness WaitingHarness() =>
        new(new ScriptedPlanner(ScriptedPlanner.Plan(("s1", "lookup", "a"), ("s2", "notify", "b"))), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));

    [Fact]
    public async Task StartAsync_SameKeyTwice_SchedulesOneOrchestrationWithTheRunIdAsInstanceId()
    {
        var harness = WaitingHarness();

        var first = await harness.StartAsync(key: "k1");
        var second = await harness.StartAsync(key: "k1");

        Assert.Equal(first, second);
        Assert.Equal([first], harness.Orchestrations.Scheduled);
        Assert.Equal(RunOrchestrationStatus.Running, await harness.Orchestrations.GetStatusAsync(first));
    }

    [Fact]
    public async Task DecideApprovalAsync_Waiting_AppendsThenRaisesTheStepsApprovalEvent()
    {
        var harness = WaitingHarness();
        var runId = await harness.StartAsync();
        await harness.DriveAsync(runId);

        var result = await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", null);

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        Assert.Contains("HumanApproved", await harness.TypesAsync(runId));
        Assert.Equal([(runId, "approval:s2")], harness.Orchestrations.Raised);
    }

    [Fact]
    public async Task CancelAsync_Running_AppendsThenRaisesCancel()
    {
        var harness = WaitingHarness();
        var runId = await harness.StartAsync();

        var result = await harness.Commands.CancelAsync("t1", runId, "no longer needed", "alice");

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        Assert.Equal(RunStatus.Cancelled, result.State!.Status);
        Assert.Equal([(runId, OrchestrationLoop.CancelEventName)], harness.Orchestrations.Raised);
    }

    [Theory]
    [InlineData(RunOrchestrationStatus.Failed)]
    [InlineData(RunOrchestrationStatus.Terminated)]
    [InlineData(RunOrchestrationStatus.Completed)]
    public async Task Decisions_OrchestrationEnded_ConflictWithTheRunStatusAndNothingAppended(RunOrchestrationStatus ended)
    {
        var harness = WaitingHarness();
        var runId = await harness.StartAsync();
        await harness.DriveAsync(runId);
        var before = (await harness.EventsAsync(runId)).Count;
        harness.Orchestrations.Set(runId, ended);

        var approve = await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", null);
        var cancel = await harness.Commands.CancelAsync("t1", runId, null, "alice");

        Assert.Equal(CommandOutcome.Conflict, approve.Outcome);
        Assert.Equal(CommandOutcome.Conflict, cancel.Outcome);
        Assert.Equal(RunStatus.AwaitingApproval, approve.State!.Status);
        Assert.Contains(ended.ToString().ToLowerInvariant(), approve.Detail, StringComparison.Ordinal);
        Assert.Contains("awaiting_approval", cancel.Detail, StringComparison.Ordinal);
        Assert.Equal(before, (await harness.EventsAsync(runId)).Count);
        Assert.Empty(harness.Orchestrations.Raised);
    }

    [Fact]
    public async Task DecideApprovalAsync_NoInstance_SchedulesTheOrchestrationInsteadOfRaising()
    {
        var harness = WaitingHarness();
        var runId = await harness.StartAsync();
        await harness.DriveAsync(runId);
        harness.Orchestrations.Set(runId, RunOrchestrationStatus.None);

        var result = await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: false, "alice", null);

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        Assert.Equal([runId, runId], harness.Orchestrations.Scheduled);
        Assert.Empty(harness.Orchestrations.Raised);
    }
}
