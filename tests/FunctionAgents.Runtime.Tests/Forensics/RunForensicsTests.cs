using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Runtime.Tests.Forensics;

public sealed class RunForensicsTests
{
    [Fact]
    public async Task StateAtAsync_EveryVersion_EqualsTheFoldOfThatPrefix()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var events = await desk.EventsAsync(runId);
        var forensics = new RunForensics(desk.Journal);

        // Act + Assert
        for (var n = 1; n <= events.Count; n++)
        {
            var version = await forensics.StateAtAsync("tenant-a", runId, n);
            var expected = RunEvolver.Fold(events.Take(n));
            Assert.NotNull(version);
            Assert.False(version.IsBeyondEnd);
            Assert.Equal(n, version.State.LastSeq);
            Assert.Equal(expected.Status, version.State.Status);
            Assert.Equal(expected.CostUsd, version.State.CostUsd);
            Assert.Equal(expected.Steps.Select(s => s.Phase), version.State.Steps.Select(s => s.Phase));
        }
    }

    [Fact]
    public async Task StateAtAsync_WhileAwaitingTheHuman_ShowsTheStepWaiting()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var events = await desk.EventsAsync(runId);
        var asked = events.Single(e => e.Type == nameof(ApprovalRequested)).Seq;

        // Act
        var version = await new RunForensics(desk.Journal).StateAtAsync("tenant-a", runId, asked);

        // Assert
        Assert.Equal(RunStatus.AwaitingApproval, version!.State.Status);
        Assert.Equal(StepPhase.AwaitingApproval, version.State.FindStep("s2")!.Phase);
    }

    [Fact]
    public async Task StateAtAsync_PastTheLastEvent_ReturnsTheLatestVersionFlagged()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var count = (await desk.EventsAsync(runId)).Count;

        // Act
        var version = await new RunForensics(desk.Journal).StateAtAsync(null, runId, count + 5);

        // Assert
        Assert.True(version!.IsBeyondEnd);
        Assert.Equal(count, version.State.LastSeq);
    }

    [Fact]
    public async Task Reads_AnotherTenantsRun_AreMissingLikeAnUnknownOne()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync(tenantId: "tenant-a");
        var forensics = new RunForensics(desk.Journal);

        // Act
        var timeline = await forensics.TimelineAsync("tenant-b", runId);
        var state = await forensics.StateAtAsync("tenant-b", runId, 3);
        var why = await forensics.WhyAsync("tenant-b", runId, 3);
        var unknown = await forensics.TimelineAsync("tenant-a", "run-nope");

        // Assert
        Assert.Null(timeline);
        Assert.Null(state);
        Assert.Null(why);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task WhyAsync_OperatorWithoutTenant_WalksAnyRun()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync(tenantId: "tenant-b");
        var last = (await desk.EventsAsync(runId)).Count;

        // Act
        var walk = await new RunForensics(desk.Journal).WhyAsync(null, runId, last);

        // Assert
        Assert.True(walk!.ReachesInput);
        Assert.Equal(nameof(RunCompleted), walk.Chain[0].Type);
    }

    [Fact]
    public async Task StateAtAsync_SeqZero_Throws()
    {
        // Arrange
        var forensics = new RunForensics(new SupportDesk().Journal);

        // Act + Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => forensics.StateAtAsync(null, "run-1", 0));
    }
}
