using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Durable.Tests;

/// <summary>
/// A crash at every step boundary of a two-step run, on the Durable engine (ported from the retired journal engine's
/// crash tests): the failed activity is retried, the run completes, the chain has no gap or duplicate, and every
/// side effect happened once per dispatch id.
/// </summary>
public sealed class StepCrashTests
{
    /// <summary>Seven step activities append in a two-step run: plan, (policy, execute) twice, synthesize, finish.</summary>
    public static TheoryData<string, int> Boundaries()
    {
        var data = new TheoryData<string, int>();
        for (var nth = 1; nth <= 7; nth++)
        {
            data.Add("before-append", nth);
            data.Add("after-append", nth);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task StepActivity_CrashesAtABoundary_RetryCompletesTheRunWithoutDuplicatesOrGaps(string boundary, int nth)
    {
        await using var harness = new DurableRunHarness(new ScriptedPlanner(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}"))));
        var steps = 0;
        if (boundary == "before-append")
        {
            // The step ran (its tool was dispatched) but its events never reached the journal.
            harness.Faults.FailAppend = n => n == nth;
            await harness.StartHostAsync();
        }
        else
        {
            await harness.StartHostAsync((name, inner) => RunTasks.StepActivities.Contains(name)
                ? new FaultyActivity(inner, afterRun: () => Interlocked.Increment(ref steps) == nth)
                : inner);
        }

        var runId = await harness.StartRunAsync();
        var instance = await harness.WaitForEndAsync(runId);

        Assert.Equal(RunStatus.Completed, instance.ReadOutputAs<RunStatus>());
        var events = await harness.EventsAsync(runId);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.True((await harness.Journal.VerifyChainAsync(runId)).IsValid);
        Assert.Equal(2, events.Count(e => e.Type == "ToolExecuted"));
        Assert.Single(events, e => e.Type == "PlanGenerated");
        Assert.Single(events, e => e.Type == "RunCompleted");
        // A retried tool step re-dispatches with the same id: one side effect per dispatch id.
        Assert.Single(harness.Tool("lookup").Dispatches.Keys);
        Assert.Single(harness.Tool("notify").Dispatches.Keys);
    }

    [Fact]
    public async Task Start_SameIdempotencyKeyTwice_OneRunAndOneOrchestration()
    {
        await using var harness = new DurableRunHarness(new ScriptedPlanner(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"))));
        await harness.StartHostAsync();
        var request = new StartRunRequest("t1", "help the customer", null, null, null, null, "key-1", "http", null);

        var first = await harness.Commands.StartAsync(request);
        var second = await harness.Commands.StartAsync(request);
        var instance = await harness.WaitForEndAsync(first.RunId);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.RunId, second.RunId);
        Assert.Equal(first.RunId, instance.InstanceId);
        Assert.Single(await harness.EventsAsync(first.RunId), e => e.Type == "RunStarted");
        Assert.Single(await harness.EventsAsync(first.RunId), e => e.Type == "RunCompleted");
    }
}
