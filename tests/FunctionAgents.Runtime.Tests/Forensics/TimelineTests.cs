using FunctionAgents.Runtime.Tests.Forensics.Support.Desk;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics;

namespace FunctionAgents.Runtime.Tests.Forensics;

public sealed class TimelineTests
{
    [Fact]
    public async Task Build_RealisticRun_ExplainsEveryEventInOrder()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var events = await desk.EventsAsync(runId);

        // Act
        var timeline = Timeline.Build(events);

        // Assert
        Assert.Equal(events.Select(e => e.Seq), timeline.Select(t => t.Seq));
        Assert.Equal(TimeSpan.Zero, timeline[0].Elapsed);
        Assert.All(timeline, t => Assert.False(string.IsNullOrWhiteSpace(t.Summary)));
        Assert.Contains(timeline, t => t.Title == "Approval required for send_email"
            && t.Summary.StartsWith("Policy required approval for send_email to a@external.example about \"Your refund\" (rule deny_external_email_without_approval, policy 3f2a…)", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Title == "ana approved step s2");
        Assert.Equal("Run completed", timeline[^1].Title);
    }

    [Fact]
    public async Task ForRun_RealisticRun_CarriesIdentityAndFinalStatus()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync(tenantId: "tenant-b", correlationId: "session-9");

        // Act
        var timeline = Timeline.ForRun(await desk.EventsAsync(runId))!;

        // Assert
        Assert.Equal(runId, timeline.RunId);
        Assert.Equal("tenant-b", timeline.TenantId);
        Assert.Equal("session-9", timeline.CorrelationId);
        Assert.Equal(RunStatus.Completed, timeline.Status);
    }

    [Fact]
    public async Task ForensicsText_Timeline_PrintsOneHeaderAndTwoLinesPerEvent()
    {
        // Arrange
        var desk = new SupportDesk();
        var runId = await desk.CompleteRunAsync();
        var timeline = Timeline.ForRun(await desk.EventsAsync(runId))!;

        // Act
        var text = ForensicsText.Timeline(timeline);

        // Assert
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + (2 * timeline.Entries.Count), lines.Length);
        Assert.Contains("#1  ", lines[1], StringComparison.Ordinal);
        Assert.Contains(nameof(RunCompleted), string.Join('\n', timeline.Entries.Select(e => e.Type)), StringComparison.Ordinal);
    }

    [Fact]
    public void ForRun_NoEvents_IsNull()
    {
        // Act
        var timeline = Timeline.ForRun([]);

        // Assert
        Assert.Null(timeline);
    }
}
