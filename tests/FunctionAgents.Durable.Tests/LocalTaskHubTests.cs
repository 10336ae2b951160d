using DurableTask.Core;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Durable.AzureStorage;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Durable.Tests;

/// <summary>The shared orchestrator on DurableTask.Core + the Azure Storage provider, on a real Azurite, through the shims.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalTaskHubTests(AzuriteFixture azurite)
{
    private static readonly RetryPolicy FastRetry = new(3, TimeSpan.FromMilliseconds(200), 1.0, TimeSpan.FromSeconds(1));

    private static ScriptedPlanner TwoSteps() => new(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}")));

    private LocalTaskHub NewHub(DurableRunHarness harness, string hubName) => new(
        new LocalTaskHubOptions { ConnectionString = azurite.ConnectionString, TaskHubName = hubName, WorkerId = "test-worker" },
        harness.Runner,
        NullLoggerFactory.Instance,
        () => new AgentRunOrchestration(FastRetry));

    private static string NewHubName() => "hub" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Polls the instance (never WaitForOrchestrationAsync: it polls every 2 s).</summary>
    private static async Task<OrchestrationState> WaitForEndAsync(LocalTaskHub hub, string runId)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(90);
        OrchestrationState? last = null;
        while (DateTimeOffset.UtcNow < until)
        {
            if ((last = await hub.GetStatusAsync(runId)) is { } state
                && state.OrchestrationStatus is not (OrchestrationStatus.Pending or OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew))
            {
                return state;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"instance {runId} did not end: {last?.OrchestrationStatus} {last?.Output} {last?.FailureDetails}");
    }

    [Fact]
    public async Task Run_OnDtfxAndAzurite_InstanceIdIsTheRunIdAndCompletes_ScheduledExactlyOnce()
    {
        await using var harness = new DurableRunHarness(TwoSteps());
        await using var hub = NewHub(harness, NewHubName());
        await hub.StartAsync();

        var runId = await harness.AppendRunStartedAsync();
        var first = await hub.ScheduleAsync(runId);
        var second = await hub.ScheduleAsync(runId);
        var instance = await WaitForEndAsync(hub, runId);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(runId, instance.OrchestrationInstance.InstanceId);
        Assert.Equal(OrchestrationStatus.Completed, instance.OrchestrationStatus);
        Assert.Equal("RunCompleted", (await harness.TypesAsync(runId))[^1]);
        Assert.True((await harness.Journal.VerifyChainAsync(runId)).IsValid);
        Assert.Single(harness.Tool("notify").Dispatches);
    }

    [Fact]
    public async Task Run_WorkerStopsWhileWaiting_RestartedWorkerResumesOnTheApprovalEvent()
    {
        var policy = new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval });
        await using var harness = new DurableRunHarness(TwoSteps(), policy);
        var hubName = NewHubName();
        string runId;
        await using (var before = NewHub(harness, hubName))
        {
            await before.StartAsync();
            runId = await harness.AppendRunStartedAsync();
            await before.ScheduleAsync(runId);
            await harness.WaitForApprovalAsync(runId, "s2");
        }

        await harness.Unscheduled.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", null);
        await using var after = NewHub(harness, hubName);
        await after.StartAsync();
        await after.RaiseAsync(runId, OrchestrationLoop.ApprovalEventName("s2"));
        var instance = await WaitForEndAsync(after, runId);

        Assert.Equal(OrchestrationStatus.Completed, instance.OrchestrationStatus);
        var types = await harness.TypesAsync(runId);
        Assert.Equal(1, types.Count(t => t == "PlanGenerated"));
        Assert.Equal("RunCompleted", types[^1]);
        Assert.Single(harness.Tool("lookup").Dispatches);
        Assert.Single(harness.Tool("notify").Dispatches);
        Assert.Equal(RunStatus.Completed, (await RunReader.LoadAsync(harness.Journal, runId)).Status);
    }

    [Fact]
    public async Task Start_StorageUnreachable_FailsWithAOneLineReason()
    {
        await using var harness = new DurableRunHarness(TwoSteps());
        var options = new LocalTaskHubOptions
        {
            ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteProcess.AccountKey
                + ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            TaskHubName = NewHubName(),
        };
        await using var hub = new LocalTaskHub(options, harness.Runner, NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<LocalTaskHubUnavailableException>(hub.StartAsync);

        Assert.Contains(options.TaskHubName, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Start_HubCreatedWithAnotherPartitionCount_RefusesAndNamesBothCounts()
    {
        await using var harness = new DurableRunHarness(TwoSteps());
        var hubName = NewHubName();
        var first = new LocalTaskHubOptions { ConnectionString = azurite.ConnectionString, TaskHubName = hubName, PartitionCount = 2 };
        await using (var created = new LocalTaskHub(first, harness.Runner, NullLoggerFactory.Instance))
        {
            await created.StartAsync();
        }

        await using var other = new LocalTaskHub(first with { PartitionCount = 4 }, harness.Runner, NullLoggerFactory.Instance);
        var error = await Assert.ThrowsAsync<LocalTaskHubUnavailableException>(other.StartAsync);

        Assert.Contains($"{hubName} was created with 2 partition(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("configured for 4", error.Message, StringComparison.Ordinal);
        await using var same = new LocalTaskHub(first, harness.Runner, NullLoggerFactory.Instance);
        await same.StartAsync();
    }

    [Fact]
    public void Options_ByDefault_FourPartitionsAndAWorkerIdUniquePerProcess()
    {
        var options = new LocalTaskHubOptions { ConnectionString = azurite.ConnectionString };

        Assert.Equal(4, options.PartitionCount);
        Assert.EndsWith("-" + Environment.ProcessId, options.WorkerId, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ShutdownTimeout);
    }
}
