using System.Net;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class ForensicsApiTests(HostFixture fixture)
{
    private readonly HttpClient _alpha = fixture.Shared.Client();
    private readonly HttpClient _beta = fixture.Shared.Client(HostFixture.BetaKey);

    [Fact]
    public async Task Forensics_FinishedRun_TimelineStateAndAuditAreServedToItsTenantOnly()
    {
        // Arrange
        var runId = await Api.StartAsync(_alpha, "What is our refund policy for customers in Germany?");
        var done = await Api.WaitForStatusAsync(_alpha, runId, "completed", "failed", "cancelled");
        var correlationId = done.GetProperty("correlationId").GetString();

        // Act
        var (timelineStatus, timeline, _) = await Api.GetAsync(_alpha, $"/api/runs/{runId}/timeline");
        var (stateStatus, state, _) = await Api.GetAsync(_alpha, $"/api/runs/{runId}/state?atSeq=1");
        var (auditStatus, audit, _) = await Api.GetAsync(_alpha, $"/api/audit?correlationId={correlationId}");
        var (otherTimeline, _, _) = await Api.GetAsync(_beta, $"/api/runs/{runId}/timeline");
        var (otherAuditStatus, otherAudit, _) = await Api.GetAsync(_beta, $"/api/audit?correlationId={correlationId}");
        var (badSeq, _, _) = await Api.GetAsync(_alpha, $"/api/runs/{runId}/state?atSeq=zero");

        // Assert
        Assert.Equal(HttpStatusCode.OK, timelineStatus);
        Assert.Contains("RunCompleted", timeline.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stateStatus);
        Assert.Contains("running", state.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, auditStatus);
        Assert.Contains(audit.EnumerateArray(), e => e.GetRawText().Contains(runId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, otherTimeline);
        Assert.Equal(HttpStatusCode.OK, otherAuditStatus);
        Assert.Empty(otherAudit.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, badSeq);
    }
}
