using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Dashboard;

[Collection(HostCollection.Name)]
public sealed class ApprovalsApiTests(HostFixture fixture)
{
    [Fact]
    public async Task ListApprovals_RunsAwaitingApproval_ListsEachPendingStepOfTheCallersTenantOnly()
    {
        // Arrange: a host of its own, so tenant alpha has exactly these runs
        await using var host = fixture.CreateHost();
        using var alpha = host.Client();
        using var beta = host.Client(HostFixture.BetaKey);
        var first = await Api.StartAsync(alpha);
        var second = await Api.StartAsync(alpha, Api.Goal + " (second)");
        var quick = await Api.StartAsync(alpha, "What is our refund policy for customers in Germany?");
        var waiting = await Api.WaitForStatusAsync(alpha, first, "awaiting_approval");
        await Api.WaitForStatusAsync(alpha, second, "awaiting_approval");
        await Api.WaitForStatusAsync(alpha, quick, "completed");

        // Act
        var (status, body, _) = await Api.GetAsync(alpha, "/api/approvals");
        var (betaStatus, betaBody, _) = await Api.GetAsync(beta, "/api/approvals");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var items = body.GetProperty("approvals").EnumerateArray().ToList();
        Assert.Equal(new[] { first, second }.Order(), items.Select(i => i.GetProperty("runId").GetString()).Order());
        var item = items.Single(i => i.GetProperty("runId").GetString() == first);
        var expected = waiting.GetProperty("pendingApprovals")[0];
        var approval = item.GetProperty("approval");
        Assert.Equal(expected.GetProperty("stepId").GetString(), approval.GetProperty("stepId").GetString());
        Assert.Equal("send_email", approval.GetProperty("tool").GetString());
        Assert.Equal(expected.GetProperty("rule").GetString(), approval.GetProperty("rule").GetString());
        Assert.Equal(expected.GetProperty("reason").GetString(), approval.GetProperty("reason").GetString());
        Assert.Equal(expected.GetProperty("expiresAt").GetDateTimeOffset(), approval.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(expected.GetProperty("input").GetRawText(), approval.GetProperty("input").GetRawText());
        Assert.Equal(expected.GetProperty("approveUri").GetString(), approval.GetProperty("approveUri").GetString());
        Assert.Equal(Api.Goal, item.GetProperty("goal").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("objective").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("continuationToken").ValueKind);
        Assert.Equal(HttpStatusCode.OK, betaStatus);
        Assert.Empty(betaBody.GetProperty("approvals").EnumerateArray());
    }

    [Fact]
    public async Task ListApprovals_AfterTheDecision_NoLongerListsTheStep()
    {
        // Arrange
        await using var host = fixture.CreateHost();
        using var alpha = host.Client();
        var runId = await Api.StartAsync(alpha);
        var waiting = await Api.WaitForStatusAsync(alpha, runId, "awaiting_approval");
        var stepId = waiting.GetProperty("pendingApprovals")[0].GetProperty("stepId").GetString();

        // Act
        var (decided, _, _) = await Api.PostAsync(alpha, $"/api/runs/{runId}/approvals/{stepId}", """{"decision":"reject","approver":"sam"}""");
        await Api.WaitForStatusAsync(alpha, runId, "completed", "failed");
        var (_, body, _) = await Api.GetAsync(alpha, "/api/approvals");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, decided);
        Assert.Empty(body.GetProperty("approvals").EnumerateArray());
    }

    [Fact]
    public async Task ListApprovals_PagesThroughRunsWithTheContinuationToken()
    {
        // Arrange
        await using var host = fixture.CreateHost();
        using var alpha = host.Client();
        var runs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await Api.StartAsync(alpha, Api.Goal + $" ({i})"));
        }

        foreach (var run in runs)
        {
            await Api.WaitForStatusAsync(alpha, run, "awaiting_approval");
        }

        // Act
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (status, body, _) = await Api.GetAsync(alpha, "/api/approvals?pageSize=2" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)));
            Assert.Equal(HttpStatusCode.OK, status);
            seen.AddRange(body.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("runId").GetString()!));
            token = body.GetProperty("continuationToken").ValueKind == JsonValueKind.String ? body.GetProperty("continuationToken").GetString() : null;
            pages++;
        }
        while (token is not null);

        // Assert
        Assert.Equal(2, pages);
        Assert.Equal(runs.Order(), seen.Order());
    }

    [Theory]
    [InlineData("/api/approvals?pageSize=0", "pageSize")]
    [InlineData("/api/approvals?pageSize=201", "pageSize")]
    [InlineData("/api/approvals?continuationToken=not-a-token", "continuationToken")]
    [InlineData("/api/approvals?pageSize=1&pageSize=2", "pageSize")]
    public async Task ListApprovals_BadQuery_Answers400NamingTheField(string uri, string field)
    {
        using var alpha = fixture.Shared.Client();

        var (_, body, response) = await Api.GetAsync(alpha, uri);

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.GetRawText());
    }

    [Fact]
    public async Task ListApprovals_WithoutKey_Answers401()
    {
        using var anonymous = fixture.Shared.Client(apiKey: null);

        var (_, body, response) = await Api.GetAsync(anonymous, "/api/approvals");

        Api.AssertProblem(response, body, HttpStatusCode.Unauthorized);
    }
}
