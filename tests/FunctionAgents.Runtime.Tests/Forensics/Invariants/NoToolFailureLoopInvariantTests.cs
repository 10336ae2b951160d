using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Tests.Forensics.Invariants;

public sealed class NoToolFailureLoopInvariantTests
{
    private readonly NoToolFailureLoopInvariant _invariant = new();

    [Fact]
    public async Task Check_RealisticRun_Holds()
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
    public void Check_SameToolFailsTwiceInARowWithTheSameInput_Fails()
    {
        // Arrange
        var run = Failing(("s1", """{"q":"x"}""", false), ("s2", """{"q":"x"}""", false));

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Equal("lookup failed twice in a row with the same input: step s1 and step s2 (tool_error)", result.Violation);
    }

    [Fact]
    public void Check_SecondFailureWithADifferentInput_Holds()
    {
        // Arrange
        var run = Failing(("s1", """{"q":"x"}""", false), ("s2", """{"q":"y"}""", false));

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.True(result.Holds);
    }

    [Fact]
    public void Check_SameInputFailingWithASuccessBetween_Holds()
    {
        // Arrange
        var run = Failing(("s1", """{"q":"x"}""", false), ("s2", """{"q":"z"}""", true), ("s3", """{"q":"x"}""", false));

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.True(result.Holds);
    }

    [Fact]
    public void Check_InputPropertyOrderDiffers_StillTheSameInput()
    {
        // Arrange
        var run = Failing(("s1", """{"q":"x","n":1}""", false), ("s2", """{"n":1,"q":"x"}""", false));

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
    }

    private static ScriptedRun Failing(params (string Step, string Input, bool Success)[] calls)
    {
        var run = new ScriptedRun();
        run.Start();
        run.Plan([.. calls.Select(c => (c.Step, "lookup", c.Input))]);
        foreach (var (step, input, success) in calls)
        {
            run.Propose(step, "lookup", input);
            run.Allow(step, "lookup");
            run.Execute(step, "lookup", input, success);
        }

        return run;
    }
}
