using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Runtime.Tests.Forensics;

public sealed class CausationChainTests
{
    [Fact]
    public async Task Walk_FromTheEmailDispatch_ReachesTheUsersInputThroughTheHumanApproval()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var events = await desk.EventsAsync(runId);
        var dispatch = events.Single(e => e.Type == nameof(ToolExecuted) && e.PayloadAs<ToolExecuted>().Tool == "send_email");

        // Act
        var walk = CausationChain.Walk(events, dispatch.Seq);

        // Assert
        Assert.True(walk.ReachesInput, walk.Break);
        Assert.Equal(
            [nameof(ToolExecuted), nameof(HumanApproved), nameof(ApprovalRequested), nameof(ToolProposed), nameof(PlanGenerated), nameof(CostRecorded), nameof(ModelCalled), nameof(RunStarted)],
            walk.Chain.Select(c => c.Type));
        Assert.Equal("ana approved step s2", walk.Chain[1].Title);
        Assert.Equal(1, walk.Chain[^1].Seq);
    }

    [Fact]
    public async Task Walk_EveryEventOfARealisticRun_ReachesTheInput()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var events = await desk.EventsAsync(runId);

        // Act
        var walks = events.Select(e => CausationChain.Walk(events, e.Seq)).ToList();

        // Assert
        Assert.All(walks, w => Assert.True(w.ReachesInput, $"from {w.FromSeq}: {w.Break}"));
        Assert.All(walks, w => Assert.True(w.Chain.Zip(w.Chain.Skip(1)).All(p => p.First.Seq > p.Second.Seq)));
    }

    [Fact]
    public void Walk_CauseMissingFromTheJournal_StopsWithABreak()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start();
        run.Add(new ResponseFinalized("done"), cause: 40);

        // Act
        var walk = CausationChain.Walk(run.Events, 2);

        // Assert
        Assert.False(walk.ReachesInput);
        Assert.Single(walk.Chain);
        Assert.Contains("Seq 40", walk.Break, StringComparison.Ordinal);
    }

    [Fact]
    public void Walk_CauseNotEarlierThanTheEvent_StopsInsteadOfLooping()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start();
        run.Add(new ResponseFinalized("done"), cause: 2);

        // Act
        var walk = CausationChain.Walk(run.Events, 2);

        // Assert
        Assert.False(walk.ReachesInput);
        Assert.Contains("not earlier", walk.Break, StringComparison.Ordinal);
    }

    [Fact]
    public void Walk_EventWithoutCauseThatIsNotTheStart_IsABreak()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start();
        run.Add(new ResponseFinalized("done"), Actors.Orchestrator, cause: null);

        // Act
        var walk = CausationChain.Walk(run.Events, 2);

        // Assert
        Assert.False(walk.ReachesInput);
        Assert.Contains("records no cause", walk.Break, StringComparison.Ordinal);
    }

    [Fact]
    public void Walk_UnknownSeq_Throws()
    {
        // Arrange
        var run = new ScriptedRun();
        run.Start();

        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => CausationChain.Walk(run.Events, 9));
    }
}
