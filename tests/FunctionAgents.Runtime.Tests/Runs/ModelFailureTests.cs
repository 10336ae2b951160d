using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Tests.Runs.Fakes;

namespace FunctionAgents.Runtime.Tests.Runs;

public sealed class ModelFailureTests
{
    private sealed class FailingPlanner(Exception failure) : IPlanner
    {
        public string Name => "failing";

        public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken) => throw failure;
    }

    private static ModelCalled Call() => new("plan", "planner", "gpt-test", "planner/v1", "ph", "rh", "{}", 1000, 500, 120, "stop");

    [Fact]
    public async Task Plan_FailureAfterAModelCall_RecordsTheCallAndItsCostBeforeRunFailed()
    {
        var failure = new RunFailureException(FailureCodes.ModelAuth, "the model endpoint refused the credentials (401)") { CallsMade = [Call()] };
        var harness = new RunHarness(new FailingPlanner(failure));
        var runId = await harness.StartAsync();

        await harness.DriveAsync(runId);

        Assert.Equal(["RunStarted", "ModelCalled", "CostRecorded", "RunFailed"], await harness.TypesAsync(runId));
        var state = await harness.StateAsync(runId);
        Assert.Equal(FailureCodes.ModelAuth, state.FailureCode);
        Assert.Equal(1, state.ModelCalls);
    }

    [Fact]
    public async Task Plan_RefusedForBudgetAfterOneCall_RecordsBudgetExceededWithTheCallsCost()
    {
        var failure = new BudgetWouldBeExceededException("the repair call", 0.9m, 0.1m) { CallsMade = [Call()] };
        var harness = new RunHarness(new FailingPlanner(failure));
        var runId = await harness.StartAsync();

        await harness.DriveAsync(runId);

        var events = await harness.EventsAsync(runId);
        Assert.Equal(["RunStarted", "ModelCalled", "CostRecorded", "BudgetExceeded", "RunFailed"], events.Select(e => e.Type));
        Assert.Equal(0.9m, events[3].PayloadAs<BudgetExceeded>().NextCallEstimateUsd);
        Assert.Equal(FailureCodes.BudgetExceeded, (await harness.StateAsync(runId)).FailureCode);
    }
}
