using System.Text.Json;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Tests.Runs;

public sealed class RunDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static StepState Step(string id, StepPhase phase) => new(
        id, "lookup", "look it up", "found", phase, JsonDocument.Parse("{}").RootElement,
        null, [], null, null, null, null, null, null, null, null, 0m, 2);

    private static RunState Running(params StepState[] steps) => RunState.Empty with
    {
        RunId = "r1",
        Status = RunStatus.Running,
        MaxSteps = 5,
        BudgetUsd = 1m,
        Deadline = Now.AddHours(1),
        Plan = new AgentPlan("r1", "g", 5, 1m, [], ["done"]),
        Steps = [.. steps],
    };

    [Fact]
    public void Decide_NotStartedOrFinished_IsIdle()
    {
        Assert.IsType<RunStep.Idle>(RunDecider.Decide(RunState.Empty, Now));
        Assert.IsType<RunStep.Idle>(RunDecider.Decide(Running() with { Status = RunStatus.Completed }, Now));
        Assert.IsType<RunStep.Idle>(RunDecider.Decide(Running() with { Status = RunStatus.Cancelled }, Now));
    }

    [Fact]
    public void Decide_NoPlanYet_Plans() =>
        Assert.IsType<RunStep.Plan>(RunDecider.Decide(Running() with { Plan = null }, Now));

    [Fact]
    public void Decide_StepsInOrder_FirstUnfinishedStepDrivesTheNextStep()
    {
        Assert.Equal(new RunStep.CheckPolicy("b"), RunDecider.Decide(Running(Step("a", StepPhase.Executed), Step("b", StepPhase.Pending)), Now));
        Assert.Equal(new RunStep.ExecuteTool("a"), RunDecider.Decide(Running(Step("a", StepPhase.Approved), Step("b", StepPhase.Pending)), Now));
        Assert.Equal(new RunStep.CheckPolicy("b"), RunDecider.Decide(Running(Step("a", StepPhase.Rejected), Step("b", StepPhase.Pending)), Now));
        Assert.IsType<RunStep.Synthesize>(RunDecider.Decide(Running(Step("a", StepPhase.Executed), Step("b", StepPhase.Rejected)), Now));
    }

    [Fact]
    public void Decide_MaxStepsExecutedWithStepsLeft_SynthesizesInsteadOfProposing()
    {
        var state = Running(Step("a", StepPhase.Executed), Step("b", StepPhase.Pending)) with { MaxSteps = 1 };

        Assert.IsType<RunStep.Synthesize>(RunDecider.Decide(state, Now));
    }

    [Fact]
    public void Decide_BudgetStopDeadlineAndFinalResponse_Finish()
    {
        var budget = RunDecider.Decide(Running(Step("a", StepPhase.Approved)) with { BudgetStop = "over" }, Now);
        var deadline = RunDecider.Decide(Running(Step("a", StepPhase.Approved)), Now.AddHours(2));
        var answered = RunDecider.Decide(Running(Step("a", StepPhase.Executed)) with { Response = "done" }, Now);

        Assert.Equal(new RunStep.Finish(RunStatus.Failed, FailureCodes.BudgetExceeded, "over"), budget);
        Assert.Equal(FailureCodes.DeadlineExceeded, Assert.IsType<RunStep.Finish>(deadline).Code);
        Assert.Equal(RunStatus.Completed, Assert.IsType<RunStep.Finish>(answered).Status);
    }

    [Fact]
    public void Decide_IsPure_SameInputSameStep()
    {
        var state = Running(Step("a", StepPhase.Executed), Step("b", StepPhase.Pending));

        Assert.Equal(RunDecider.Decide(state, Now), RunDecider.Decide(state, Now));
    }
}
