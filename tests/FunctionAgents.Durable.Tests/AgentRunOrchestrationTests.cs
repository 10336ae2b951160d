using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Runs;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Durable.Tests;

/// <summary>The one run orchestrator under DurableTaskTestHost: the same classes Durable Functions and the local host run.</summary>
public sealed class AgentRunOrchestrationTests
{
    private static ScriptedPlanner TwoSteps() => new(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}")));

    private static StaticPolicy NotifyNeedsApproval(TimeSpan? expiry = null) =>
        new(new() { ["notify"] = PolicyAction.RequireHumanApproval }, new ApprovalSettings(expiry ?? TimeSpan.FromHours(1), PolicyAction.Deny));

    [Fact]
    public async Task FullRun_NoApproval_InstanceCompletesWithTheRunCompleted()
    {
        await using var harness = new DurableRunHarness(TwoSteps());
        await harness.StartHostAsync();

        var runId = await harness.StartRunAsync();
        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(runId, instance.InstanceId);
        Assert.Equal(RunStatus.Completed, instance.ReadOutputAs<RunStatus>());
        var types = await harness.TypesAsync(runId);
        Assert.Equal("RunStarted", types[0]);
        Assert.Equal("RunCompleted", types[^1]);
        Assert.True((await harness.Journal.VerifyChainAsync(runId)).IsValid);
        Assert.Single(harness.Tool("lookup").Dispatches);
        Assert.Single(harness.Tool("notify").Dispatches);
        Assert.Equal(RunStatus.Completed, (await harness.Index.GetAsync("t1", runId))!.Status);
    }

    [Fact]
    public async Task Approval_Approved_ExternalEventResumesAndToolRunsOnce()
    {
        await using var harness = new DurableRunHarness(TwoSteps(), NotifyNeedsApproval());
        await harness.StartHostAsync();
        var runId = await harness.StartRunAsync();
        await harness.WaitForApprovalAsync(runId, "s2");

        var decided = await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", null);
        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal(CommandOutcome.Accepted, decided.Outcome);
        Assert.Equal(RunStatus.Completed, instance.ReadOutputAs<RunStatus>());
        Assert.Contains("HumanApproved", await harness.TypesAsync(runId));
        Assert.Single(harness.Tool("notify").Dispatches);
    }

    [Fact]
    public async Task Approval_Rejected_ToolNeverRunsAndRunEnds()
    {
        await using var harness = new DurableRunHarness(TwoSteps(), NotifyNeedsApproval());
        await harness.StartHostAsync();
        var runId = await harness.StartRunAsync();
        await harness.WaitForApprovalAsync(runId, "s2");

        await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: false, "alice", "not this customer");
        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var types = await harness.TypesAsync(runId);
        Assert.Contains("HumanRejected", types);
        Assert.DoesNotContain("ApprovalExpired", types);
        Assert.Empty(harness.Tool("notify").Dispatches);
        Assert.True((await RunReader.LoadAsync(harness.Journal, runId)).IsFinished);
    }

    [Fact]
    public async Task Approval_NobodyDecides_DurableTimerExpiresItAndOnTimeoutApplies()
    {
        await using var harness = new DurableRunHarness(TwoSteps(), NotifyNeedsApproval(TimeSpan.FromSeconds(2)));
        await harness.StartHostAsync();
        var runId = await harness.StartRunAsync();

        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Contains("ApprovalExpired", await harness.TypesAsync(runId));
        Assert.Empty(harness.Tool("notify").Dispatches);
    }

    [Fact]
    public async Task Cancel_WhileWaitingForApproval_CancelEventEndsTheRunCancelled()
    {
        await using var harness = new DurableRunHarness(TwoSteps(), NotifyNeedsApproval());
        await harness.StartHostAsync();
        var runId = await harness.StartRunAsync();
        await harness.WaitForApprovalAsync(runId, "s2");

        var cancelled = await harness.Commands.CancelAsync("t1", runId, "customer withdrew", "alice");
        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal(CommandOutcome.Accepted, cancelled.Outcome);
        Assert.Equal(RunStatus.Cancelled, instance.ReadOutputAs<RunStatus>());
        Assert.Equal("RunCancelled", (await harness.TypesAsync(runId))[^1]);
        Assert.Empty(harness.Tool("notify").Dispatches);
        Assert.Equal(RunStatus.Cancelled, (await harness.Index.GetAsync("t1", runId))!.Status);
    }

    [Fact]
    public async Task RunDeadline_PassesWhileWaiting_RunFailsWithDeadlineExceeded()
    {
        var options = new RunOptions { RunDeadline = TimeSpan.FromSeconds(3) };
        await using var harness = new DurableRunHarness(TwoSteps(), NotifyNeedsApproval(), options);
        await harness.StartHostAsync();
        var runId = await harness.StartRunAsync();

        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal(RunStatus.Failed, instance.ReadOutputAs<RunStatus>());
        var failed = (await harness.EventsAsync(runId)).Single(e => e.Type == "RunFailed").PayloadAs<RunFailed>();
        Assert.Equal(FailureCodes.DeadlineExceeded, failed.Code);
    }
}
