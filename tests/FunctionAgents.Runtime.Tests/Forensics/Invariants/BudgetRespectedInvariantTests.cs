using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Tests.Forensics.Invariants;

public sealed class BudgetRespectedInvariantTests
{
    private readonly BudgetRespectedInvariant _invariant = new();

    [Fact]
    public async Task Check_RealisticRunWithinBudget_Holds()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();

        // Act
        var result = _invariant.Check(RunEvolver.Fold(await desk.EventsAsync(runId)));

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public void Check_ModelCallOvershootFollowedByBudgetExceeded_HoldsAtEveryVersion()
    {
        // Arrange: the answer's actual cost passes the budget; BudgetExceeded follows at once and the run fails.
        var run = new ScriptedRun();
        run.Start(budgetUsd: 0.05m);
        run.ModelCall(0.06m);
        run.Add(new BudgetExceeded(0.05m, 0.06m, null, "answering cost passed the budget"));
        run.Add(new RunFailed("budget_exceeded", "over budget", "sorry"));

        // Act
        var results = Enumerable.Range(1, run.Events.Count).Select(n => _invariant.Check(RunEvolver.Fold(run.Events.Take(n)))).ToList();

        // Assert
        Assert.All(results, r => Assert.True(r.Holds, r.Violation));
    }

    [Fact]
    public void Check_PlannerOvershoot_BudgetExceededAfterThePlanVerdict_Holds()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start(budgetUsd: 0.01m);
        run.Batch(
            new EventDraft(Actors.Planner, ScriptedRun.Model(), 1),
            new EventDraft(Actors.Planner, new CostRecorded("model", "gpt-4o", 0.02m, 0.02m, 900, 120), 2),
            new EventDraft(Actors.Planner, new PlanRejected([], "gpt4o-prod", null), 3),
            new EventDraft(Actors.Orchestrator, new BudgetExceeded(0.01m, 0.02m, null, "planning cost passed the budget"), 4));

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public void Check_CallRefusedOnItsEstimate_Holds()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start(budgetUsd: 0.05m);
        run.Add(new BudgetExceeded(0.05m, 0m, 0.09m, "the answer is estimated at 0.09 USD"));

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public void Check_OvershootWithoutBudgetExceeded_FailsOnceTheRunMovesOn()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start(budgetUsd: 0.05m);
        run.ModelCall(0.06m);
        var pending = _invariant.Check(run.State);
        run.Add(new ResponseDrafted("here", [], "gpt4o-prod"));

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.True(pending.Holds, pending.Violation);
        Assert.False(result.Holds);
        Assert.Contains("without BudgetExceeded", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ToolCallTakesTheRunPastItsBudget_Fails()
    {
        // Arrange: a tool's cost is known before the call, so this call should have been refused.
        var run = new ScriptedRun();
        run.Start(budgetUsd: 0.05m);
        run.Plan(("s1", "create_ticket", "{}"));
        run.Propose("s1", "create_ticket", "{}");
        run.Allow("s1", "create_ticket");
        run.Execute("s1", "create_ticket", "{}", cost: 0.08m);

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Contains("a tool call took the run to $0.08", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ModelCalledAfterTheBudgetStop_Fails()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start(budgetUsd: 0.05m);
        run.Add(new BudgetExceeded(0.05m, 0m, 0.09m, "estimated past the budget"));
        run.ModelCall(0.01m);

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Contains("ModelCalled at Seq 3 came after the run stopped for its budget (BudgetExceeded at Seq 2)", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BudgetExceededRecordedLate_Fails()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start(budgetUsd: 0.05m);
        run.ModelCall(0.06m);
        run.Add(new ResponseDrafted("here", [], "gpt4o-prod"));
        run.Add(new BudgetExceeded(0.05m, 0.06m, null, "late"));

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Contains("BudgetExceeded came only at Seq 5", result.Violation, StringComparison.Ordinal);
    }
}
