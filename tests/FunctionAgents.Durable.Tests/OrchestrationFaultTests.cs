using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask;

namespace FunctionAgents.Durable.Tests;

/// <summary>Retries, replay and failures of the shared orchestrator on DurableTaskTestHost.</summary>
public sealed class OrchestrationFaultTests
{
    private static ScriptedPlanner TwoSteps() => new(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}")));

    [Fact]
    public async Task ActivityFailsOnceAfterItsAppend_RetryReturnsTheSameEventsWithoutDuplicates()
    {
        await using var harness = new DurableRunHarness(TwoSteps());
        var failures = 0;
        await harness.StartHostAsync((name, inner) => name == OrchestrationNames.ExecuteTool
            ? new FaultyActivity(inner, afterRun: () => Interlocked.Increment(ref failures) == 1)
            : inner);

        var runId = await harness.StartRunAsync();
        var instance = await harness.WaitForEndAsync(runId);

        Assert.True(failures >= 2, "the first ExecuteTool attempt failed and was retried");
        Assert.Equal(RunStatus.Completed, instance.ReadOutputAs<RunStatus>());
        var types = await harness.TypesAsync(runId);
        Assert.Equal(2, types.Count(t => t == "ToolExecuted"));
        Assert.Single(harness.Tool("lookup").Dispatches);
        Assert.All(harness.Tool("lookup").Dispatches.Values, n => Assert.Equal(1, n));
        Assert.True((await harness.Journal.VerifyChainAsync(runId)).IsValid);
    }

    [Fact]
    public async Task Replay_AfterAnApproval_OrchestratorReplaysWithoutRerunningActivities()
    {
        var policy = new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval });
        await using var harness = new DurableRunHarness(TwoSteps(), policy);
        var calls = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await harness.StartHostAsync((name, inner) => new FaultyActivity(inner, beforeRun: () => calls.AddOrUpdate(name, 1, (_, n) => n + 1) < 0));
        var runId = await harness.StartRunAsync();
        await harness.WaitForApprovalAsync(runId, "s2");
        var executionsBeforeApproval = harness.OrchestratorExecutions;

        await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", null);
        await harness.WaitForEndAsync(runId);

        Assert.True(harness.OrchestratorExecutions > executionsBeforeApproval, "the orchestrator replayed its history after the event");
        Assert.Equal(1, calls[OrchestrationNames.Plan]);
        Assert.Equal(2, calls[OrchestrationNames.ExecuteTool]);
        Assert.Equal(1, calls[OrchestrationNames.Finish]);
        Assert.Single(harness.Tool("notify").Dispatches);
    }

    [Fact]
    public async Task ActivityFailsEveryRetry_RunEndsWithRunFailedAndTheReason_NotAFailedInstance()
    {
        await using var harness = new DurableRunHarness(TwoSteps());
        await harness.StartHostAsync((name, inner) => name == OrchestrationNames.ExecuteTool
            ? new FaultyActivity(inner, beforeRun: () => true)
            : inner);

        var runId = await harness.StartRunAsync();
        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(RunStatus.Failed, instance.ReadOutputAs<RunStatus>());
        var failed = (await harness.EventsAsync(runId)).Single(e => e.Type == "RunFailed").PayloadAs<RunFailed>();
        Assert.Equal(FailureCodes.EngineError, failed.Code);
        Assert.Contains(OrchestrationNames.ExecuteTool, failed.Reason, StringComparison.Ordinal);
        Assert.Contains("injected fault", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, (await harness.Index.GetAsync("t1", runId))!.Status);
    }
}
