using FunctionAgents.Runtime.Tests.Runs.Fakes;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Tests.Runs;

public sealed class RunFlowTests
{
    private static ScriptedPlanner TwoSteps() => new(ScriptedPlanner.Plan(("s1", "lookup", "order 1042"), ("s2", "notify", "{{steps.s1.output.email}}")));

    [Fact]
    public async Task Drive_HappyPath_CompletesWithTheFullFlowInOrder()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();

        var outcome = await harness.DriveAsync(runId);

        Assert.Equal(DriveOutcome.Finished, outcome);
        Assert.Equal(
            [
                "RunStarted", "PlanGenerated",
                "ToolProposed", "ToolApproved", "ToolExecuted", "ObservationCaptured", "CostRecorded",
                "ToolProposed", "ToolApproved", "ToolExecuted", "ObservationCaptured", "CostRecorded",
                "ResponseDrafted", "ResponseFinalized", "RunCompleted",
            ],
            await harness.TypesAsync(runId));
        var state = await harness.StateAsync(runId);
        Assert.Equal(RunStatus.Completed, state.Status);
        Assert.Equal("s1=executed; s2=executed", state.Response);
        Assert.Equal(0.02m, state.CostUsd);
        Assert.True((await harness.Journal.VerifyChainAsync(runId)).IsValid);
    }

    [Fact]
    public async Task Drive_InputReference_ResolvesFromEarlierObservationBeforePolicy()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();

        await harness.DriveAsync(runId);

        var proposed = (await harness.EventsAsync(runId)).Where(e => e.Type == "ToolProposed").Select(e => e.PayloadAs<ToolProposed>()).Last();
        Assert.Equal("anna@example.de", proposed.Input.GetProperty("q").GetString());
    }

    [Fact]
    public async Task Drive_EveryEvent_CarriesCausationCorrelationAndTrace()
    {
        var harness = new RunHarness(TwoSteps());
        var runId = await harness.StartAsync();

        await harness.DriveAsync(runId);

        var events = await harness.EventsAsync(runId);
        Assert.Null(events[0].CausationSeq);
        Assert.All(events.Skip(1), e => Assert.InRange(e.CausationSeq!.Value, 1, e.Seq - 1));
        Assert.All(events, e => Assert.Equal(events[0].CorrelationId, e.CorrelationId));
        Assert.All(events, e => Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", e.TraceParent));
        var executed = events.First(e => e.Type == "ToolExecuted");
        Assert.Equal("ToolApproved", events[(int)executed.CausationSeq!.Value - 1].Type);
        Assert.Equal($"{runId}:{executed.Seq}", executed.PayloadAs<ToolExecuted>().DispatchId);
    }

    [Fact]
    public async Task Drive_PolicyDenies_SkipsStepAndCompletes()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.Deny }));
        var runId = await harness.StartAsync();

        await harness.DriveAsync(runId);

        var state = await harness.StateAsync(runId);
        Assert.Equal(RunStatus.Completed, state.Status);
        Assert.Contains("ToolRejected", await harness.TypesAsync(runId));
        Assert.Empty(harness.Tool("notify").Dispatches);
        Assert.Equal("s1=executed; s2=rejected", state.Response);
    }

    [Fact]
    public async Task Drive_ApprovalRequired_WaitsThenApproveExecutes()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await harness.StartAsync();

        var first = await harness.DriveAsync(runId);
        var waiting = await harness.StateAsync(runId);
        var decided = await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "alice", "ok");
        var second = await harness.DriveAsync(runId);

        Assert.Equal(DriveOutcome.AwaitingApproval, first);
        Assert.Equal(RunStatus.AwaitingApproval, waiting.Status);
        Assert.Equal("s2", Assert.Single(waiting.PendingApprovals).StepId);
        Assert.Equal(CommandOutcome.Accepted, decided.Outcome);
        Assert.Equal(DriveOutcome.Finished, second);
        Assert.Single(harness.Tool("notify").Dispatches);
        Assert.Equal(RunStatus.Completed, (await harness.StateAsync(runId)).Status);
    }

    [Fact]
    public async Task DecideApprovalAsync_SecondDecision_IsConflictNamingTheState()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await harness.StartAsync();
        await harness.DriveAsync(runId);

        await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: false, "alice", "no");
        var again = await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: true, "bob", null);
        var notAwaiting = await harness.Commands.DecideApprovalAsync("t1", runId, "s1", approve: true, "bob", null);
        var otherTenant = await harness.Commands.DecideApprovalAsync("t2", runId, "s2", approve: true, "bob", null);

        Assert.Equal(CommandOutcome.Conflict, again.Outcome);
        Assert.Contains("already decided", again.Detail, StringComparison.Ordinal);
        Assert.Equal(CommandOutcome.Conflict, notAwaiting.Outcome);
        Assert.Contains("not awaiting approval", notAwaiting.Detail, StringComparison.Ordinal);
        Assert.Equal(CommandOutcome.NotFound, otherTenant.Outcome);
    }

    [Fact]
    public async Task Drive_HumanRejects_StepSkippedRunCompletes()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await harness.StartAsync();
        await harness.DriveAsync(runId);

        await harness.Commands.DecideApprovalAsync("t1", runId, "s2", approve: false, "alice", "wrong customer");
        await harness.DriveAsync(runId);

        var state = await harness.StateAsync(runId);
        Assert.Equal(RunStatus.Completed, state.Status);
        Assert.Contains("HumanRejected", await harness.TypesAsync(runId));
        Assert.Empty(harness.Tool("notify").Dispatches);
        Assert.Contains("wrong customer", state.FindStep("s2")!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PolicyAction.Deny, 0)]
    [InlineData(PolicyAction.Allow, 1)]
    public async Task Drive_ApprovalExpires_AppliesOnTimeout(PolicyAction onTimeout, int expectedDispatches)
    {
        var policy = new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }, new ApprovalSettings(TimeSpan.FromMinutes(30), onTimeout));
        var harness = new RunHarness(TwoSteps(), policy);
        var runId = await harness.StartAsync();
        await harness.DriveAsync(runId);

        harness.Clock.Advance(TimeSpan.FromMinutes(31));
        var outcome = await harness.DriveAsync(runId);

        Assert.Equal(DriveOutcome.Finished, outcome);
        Assert.Contains("ApprovalExpired", await harness.TypesAsync(runId));
        Assert.Equal(expectedDispatches, harness.Tool("notify").Dispatches.Count);
    }

    [Fact]
    public async Task Drive_PlanInvalid_PlanRejectedThenRunFailedWithFallback()
    {
        var harness = new RunHarness(new ScriptedPlanner("""{"runId":"x","goal":"g","maxSteps":50,"budgetUsd":1,"steps":[],"stopConditions":[]}"""));
        var runId = await harness.StartAsync();

        await harness.DriveAsync(runId);

        Assert.Equal(["RunStarted", "PlanRejected", "RunFailed"], await harness.TypesAsync(runId));
        var state = await harness.StateAsync(runId);
        Assert.Equal(FailureCodes.PlanRejected, state.FailureCode);
        Assert.NotEmpty(state.PlanErrors);
        Assert.StartsWith("I could not complete this request", state.Response, StringComparison.Ordinal);
        Assert.All(harness.Tools, t => Assert.Empty(t.Dispatches));
    }

    [Fact]
    public async Task Drive_NextCallWouldExceedBudget_StopsBeforeTheCall()
    {
        var expensive = new FakeTool("lookup", cost: 0.6m);
        var harness = new RunHarness(new ScriptedPlanner(ScriptedPlanner.Plan(("s1", "lookup", "a"), ("s2", "lookup", "b"))), tools: expensive);
        var runId = await harness.StartAsync(budgetUsd: 1.0m);

        await harness.DriveAsync(runId);

        var state = await harness.StateAsync(runId);
        Assert.Equal(RunStatus.Failed, state.Status);
        Assert.Equal(FailureCodes.BudgetExceeded, state.FailureCode);
        Assert.Single(expensive.Dispatches);
        Assert.Equal(0.6m, state.CostUsd);
        Assert.Equal("BudgetExceeded", (await harness.TypesAsync(runId))[^2]);
    }

    [Fact]
    public async Task CancelAsync_RunningRun_EndsItAndEngineDoesNothingMore()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }));
        var runId = await harness.StartAsync();
        await harness.DriveAsync(runId);

        var cancelled = await harness.Commands.CancelAsync("t1", runId, "customer withdrew", "alice");
        var outcome = await harness.DriveAsync(runId);
        var again = await harness.Commands.CancelAsync("t1", runId, null, "alice");

        Assert.Equal(CommandOutcome.Accepted, cancelled.Outcome);
        Assert.Equal(DriveOutcome.Finished, outcome);
        Assert.Equal(RunStatus.Cancelled, (await harness.StateAsync(runId)).Status);
        Assert.Equal("RunCancelled", (await harness.TypesAsync(runId))[^1]);
        Assert.Equal(CommandOutcome.Conflict, again.Outcome);
        Assert.Empty(harness.Tool("notify").Dispatches);
    }

    [Fact]
    public async Task Drive_PastRunDeadline_FailsWithDeadlineExceeded()
    {
        var harness = new RunHarness(TwoSteps(), new StaticPolicy(new() { ["notify"] = PolicyAction.RequireHumanApproval }, new ApprovalSettings(TimeSpan.FromHours(5), PolicyAction.Deny)), new RunOptions { RunDeadline = TimeSpan.FromMinutes(10) });
        var runId = await harness.StartAsync();
        await harness.DriveAsync(runId);

        harness.Clock.Advance(TimeSpan.FromMinutes(11));
        await harness.DriveAsync(runId);

        var state = await harness.StateAsync(runId);
        Assert.Equal(RunStatus.Failed, state.Status);
        Assert.Equal(FailureCodes.DeadlineExceeded, state.FailureCode);
    }

    [Fact]
    public async Task StartAsync_SameIdempotencyKey_OneRun()
    {
        var harness = new RunHarness(TwoSteps());

        var ids = new HashSet<string>();
        for (var i = 0; i < 100; i++)
        {
            ids.Add(await harness.StartAsync(key: "order-1042"));
        }

        var id = Assert.Single(ids);
        Assert.Equal(["RunStarted"], await harness.TypesAsync(id));
    }
}
