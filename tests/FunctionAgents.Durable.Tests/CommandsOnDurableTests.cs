using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Runs;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Durable.Tests;

/// <summary>Approve, cancel and the sweeper against a real (in-memory) Durable engine.</summary>
public sealed class CommandsOnDurableTests
{
    private static ScriptedPlanner TwoSteps() => new(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}")));

    private static StaticPolicy NotifyNeedsApproval() => new(new() { ["notify"] = PolicyAction.RequireHumanApproval });

    private static RunSweeper Sweeper(DurableRunHarness harness) =>
        new(harness.Index, harness.Journal, harness.Engine, new RunWriter(new RunAppender(harness.Journal, harness.Index, TimeProvider.System)), TimeProvider.System, TimeSpan.Zero);

    [Fact]
    public async Task Approve_OrchestrationTerminatedWhileWaiting_ConflictWithTheRunStatusAndNothingAppended()
    {
        await using var harness = new DurableRunHarness(TwoSteps(), NotifyNeedsApproval());
        await harness.StartHostAsync();
        var runId = await harness.StartRunAsync();
        await harness.WaitForApprovalAsync(runId, "s2");
        await harness.Client.TerminateInstanceAsync(runId, "operator stopped it");
        await harness.WaitForEndAsync(runId);

        var result = await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", null);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(RunStatus.AwaitingApproval, result.State!.Status);
        Assert.Contains("terminated", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("HumanApproved", await harness.TypesAsync(runId));
    }

    [Fact]
    public async Task Cancel_RunCompleted_ConflictNamingTheFinishedRun()
    {
        await using var harness = new DurableRunHarness(TwoSteps());
        await harness.StartHostAsync();
        var runId = await harness.StartRunAsync();
        await harness.WaitForEndAsync(runId);

        var result = await harness.Commands.CancelAsync("t1", runId, null, "alice");

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(RunStatus.Completed, result.State!.Status);
        Assert.DoesNotContain("RunCancelled", await harness.TypesAsync(runId));
    }

    [Fact]
    public async Task Sweep_RunStartedButNeverScheduled_SchedulesItsOrchestrationWhichCompletes()
    {
        await using var harness = new DurableRunHarness(TwoSteps());
        await harness.StartHostAsync();
        var runId = await harness.AppendRunStartedAsync();
        Assert.Equal(RunOrchestrationStatus.None, await harness.Engine.GetStatusAsync(runId));

        var repaired = await Sweeper(harness).SweepAsync();
        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal([runId], repaired);
        Assert.Equal(runId, instance.InstanceId);
        Assert.Equal(RunStatus.Completed, instance.ReadOutputAs<RunStatus>());
        Assert.Empty(await Sweeper(harness).SweepAsync());
    }

    [Fact]
    public async Task Sweep_InstanceTerminatedWhileRunUnfinished_EndsTheRunWithANamedReason()
    {
        await using var harness = new DurableRunHarness(TwoSteps(), NotifyNeedsApproval());
        await harness.StartHostAsync();
        var runId = await harness.StartRunAsync();
        await harness.WaitForApprovalAsync(runId, "s2");
        await harness.Client.TerminateInstanceAsync(runId, "operator stopped it");
        await harness.WaitForEndAsync(runId);

        var repaired = await Sweeper(harness).SweepAsync();

        Assert.Equal([runId], repaired);
        var failed = (await harness.EventsAsync(runId)).Single(e => e.Type == "RunFailed").PayloadAs<RunFailed>();
        Assert.Equal(FailureCodes.OrchestrationEnded, failed.Code);
        Assert.Contains("terminated", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, (await harness.Index.GetAsync("t1", runId))!.Status);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await harness.Client.GetInstanceAsync(runId))!.RuntimeStatus);
    }
}
