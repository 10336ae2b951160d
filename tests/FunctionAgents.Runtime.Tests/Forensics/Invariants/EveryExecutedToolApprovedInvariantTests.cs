using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Tests.Forensics.Invariants;

public sealed class EveryExecutedToolApprovedInvariantTests
{
    private const string Mail = """{"to":"a@external.example"}""";

    private readonly EveryExecutedToolApprovedInvariant _invariant = new();

    [Fact]
    public async Task Check_RealisticRunWithAHumanApproval_Holds()
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
    public async Task Check_RealisticRunWithAHumanRejection_Holds()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.StartAsync();
        await desk.RunToEndAsync(runId, approve: false);

        // Act
        var result = _invariant.Check(RunEvolver.Fold(await desk.EventsAsync(runId)));

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public void Check_ApprovalExpiredWithOnTimeoutAllow_Holds()
    {
        // Arrange
        var run = Asked(PolicyAction.Allow);
        run.Add(new ApprovalExpired("s1", PolicyAction.Allow));
        run.Execute("s1", "send_email", Mail);

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.True(result.Holds, result.Violation);
    }

    [Fact]
    public void Check_ExecutedAfterPolicyDenied_Fails()
    {
        // Arrange
        var run = Proposed();
        run.Deny("s1", "send_email", "deny_external_email");
        run.Execute("s1", "send_email", Mail);

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.StartsWith("step s1 executed send_email although policy denied it (deny_external_email", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExecutedAfterAHumanRejected_Fails()
    {
        // Arrange
        var run = Asked(PolicyAction.Deny);
        run.Add(new HumanRejected("s1", "ben", "wrong customer"), Actors.Human);
        run.Execute("s1", "send_email", Mail);

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Equal("step s1 executed send_email although ben rejected it", result.Violation);
    }

    [Fact]
    public void Check_ExecutedWhileWaitingForTheHuman_Fails()
    {
        // Arrange
        var run = Asked(PolicyAction.Deny);
        run.Execute("s1", "send_email", Mail);

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Contains("waiting for a human", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExecutedAfterApprovalExpiredWithOnTimeoutDeny_Fails()
    {
        // Arrange
        var run = Asked(PolicyAction.Deny);
        run.Add(new ApprovalExpired("s1", PolicyAction.Deny));
        run.Execute("s1", "send_email", Mail);

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Contains("on_timeout denied it", result.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExecutedWithoutAnyDecision_Fails()
    {
        // Arrange
        var run = Proposed();
        run.Execute("s1", "send_email", Mail);

        // Act
        var result = _invariant.Check(run.State);

        // Assert
        Assert.False(result.Holds);
        Assert.Contains("without any approval decision", result.Violation, StringComparison.Ordinal);
    }

    private static ScriptedRun Proposed()
    {
        var run = new ScriptedRun();
        run.Start();
        run.Plan(("s1", "send_email", Mail));
        run.Propose("s1", "send_email", Mail);
        return run;
    }

    private static ScriptedRun Asked(PolicyAction onTimeout)
    {
        var run = Proposed();
        run.AskHuman("s1", "send_email", Mail, onTimeout);
        return run;
    }
}
