using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class RunLifecycleTests(HostFixture fixture)
{
    private readonly HttpClient _client = fixture.Shared.Client();

    [Fact]
    public async Task StartRun_DemoGoal_AwaitsEmailApprovalThenCompletesWithVerifiedChain()
    {
        // Arrange
        var (startStatus, started, startResponse) = await Api.PostAsync(_client, "/api/runs", JsonSerializer.Serialize(new { goal = Api.Goal }));
        Assert.Equal(HttpStatusCode.Accepted, startStatus);
        var runId = started.GetProperty("runId").GetString()!;
        Assert.Equal($"/api/runs/{runId}", started.GetProperty("statusUri").GetString());
        Assert.Equal($"/api/runs/{runId}/events", started.GetProperty("eventsUri").GetString());
        Assert.Equal($"/api/runs/{runId}/cancel", started.GetProperty("cancelUri").GetString());
        Assert.Equal($"/api/runs/{runId}", startResponse.Headers.Location?.OriginalString);

        // Act: the run stops at the approval the default policy requires for the external email
        var waiting = await Api.WaitForStatusAsync(_client, runId, "awaiting_approval", "completed", "failed");
        Assert.Equal("awaiting_approval", waiting.GetProperty("status").GetString());
        var pending = Assert.Single(waiting.GetProperty("pendingApprovals").EnumerateArray());
        var stepId = pending.GetProperty("stepId").GetString()!;
        Assert.Equal("send_email", pending.GetProperty("tool").GetString());
        Assert.Equal("deny_external_email_without_approval", pending.GetProperty("rule").GetString());
        Assert.Equal("deny_external_email_without_approval", pending.GetProperty("rules")[0].GetProperty("name").GetString());
        Assert.Contains("approve", pending.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(pending.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(JsonValueKind.Object, pending.GetProperty("input").ValueKind);
        Assert.Equal($"/api/runs/{runId}/approvals/{stepId}", pending.GetProperty("approveUri").GetString());

        var (approveStatus, approved, _) = await Api.PostAsync(_client, pending.GetProperty("approveUri").GetString()!, """{"decision":"approve","comment":"ok"}""");
        Assert.Equal(HttpStatusCode.Accepted, approveStatus);
        Assert.Equal("key:alpha", approved.GetProperty("by").GetString());
        var done = await Api.WaitForStatusAsync(_client, runId, "completed", "failed", "cancelled");

        // Assert
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(done.GetProperty("response").GetString()));
        Assert.Equal("alpha", done.GetProperty("tenantId").GetString());
        Assert.Equal(JsonValueKind.Object, done.GetProperty("plan").ValueKind);
        Assert.True(done.GetProperty("costUsd").GetDecimal() > 0);
        var steps = done.GetProperty("steps").EnumerateArray().ToList();
        Assert.All(steps, s => Assert.Equal("executed", s.GetProperty("phase").GetString()));
        var email = steps.Single(s => s.GetProperty("id").GetString() == stepId);
        Assert.Equal("human", email.GetProperty("decidedBy").GetString());
        Assert.Equal("key:alpha", email.GetProperty("approver").GetString());
        Assert.Equal("allow", steps[0].GetProperty("decision").GetString());
        Assert.Equal("allow_search_docs", steps[0].GetProperty("rule").GetString());
        Assert.NotNull(done.GetProperty("createdAt").GetString());
        Assert.NotNull(done.GetProperty("finishedAt").GetString());

        var (eventsStatus, events, _) = await Api.GetAsync(_client, $"/api/runs/{runId}/events");
        Assert.Equal(HttpStatusCode.OK, eventsStatus);
        Assert.Equal(runId, events.GetProperty("runId").GetString());
        var list = events.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, list.Count).Select(i => (long)i), list.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal("RunStarted", list[0].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Object, list[0].GetProperty("payload").ValueKind);
        Assert.Equal("RunCompleted", list[^1].GetProperty("type").GetString());
        Assert.Contains(list, e => e.GetProperty("type").GetString() == "HumanApproved");
        foreach (var name in new[] { "actor", "occurredAt", "tenantId", "correlationId", "traceParent", "prevHash", "hash" })
        {
            Assert.All(list, e => Assert.Equal(JsonValueKind.String, e.GetProperty(name).ValueKind));
        }

        Assert.All(list, e => Assert.Equal(1, e.GetProperty("schemaVersion").GetInt32()));
        var chain = await fixture.Shared.Journal.VerifyChainAsync(runId);
        Assert.True(chain.IsValid, chain.Problem);
        Assert.Equal(list.Count, chain.EventsChecked);
    }

    [Fact]
    public async Task Approval_Reject_SkipsTheEmailAndCompletes()
    {
        // Arrange
        var runId = await Api.StartAsync(_client);
        var waiting = await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");
        var stepId = waiting.GetProperty("pendingApprovals")[0].GetProperty("stepId").GetString()!;

        // Act
        var (status, body, _) = await Api.PostAsync(
            _client, $"/api/runs/{runId}/approvals/{stepId}", """{"decision":"reject","comment":"wrong tone","approver":"lead@kestrelgoods.example"}""");
        var done = await Api.WaitForStatusAsync(_client, runId, "completed", "failed", "cancelled");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("reject", body.GetProperty("decision").GetString());
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var email = done.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == stepId);
        Assert.Equal("rejected", email.GetProperty("phase").GetString());
        Assert.Equal("lead@kestrelgoods.example", email.GetProperty("approver").GetString());
        var (_, events, _) = await Api.GetAsync(_client, $"/api/runs/{runId}/events");
        Assert.Contains(events.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "HumanRejected");
        Assert.DoesNotContain(events.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "ToolExecuted" && e.GetProperty("payload").GetProperty("stepId").GetString() == stepId);
    }

    [Fact]
    public async Task Approval_SecondDecision_Answers409WithTheStepsState()
    {
        // Arrange
        var runId = await Api.StartAsync(_client);
        var waiting = await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");
        var approveUri = waiting.GetProperty("pendingApprovals")[0].GetProperty("approveUri").GetString()!;
        var (first, _, _) = await Api.PostAsync(_client, approveUri, """{"decision":"approve"}""");

        // Act
        var (_, body, response) = await Api.PostAsync(_client, approveUri, """{"decision":"reject"}""");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, first);
        Api.AssertProblem(response, body, HttpStatusCode.Conflict);
        Assert.Equal(runId, body.GetProperty("runId").GetString());
        Assert.NotEqual("awaiting_approval", body.GetProperty("stepPhase").GetString());
        Assert.Contains("already decided", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_StepNotAwaitingApproval_Answers409WithItsPhase()
    {
        // Arrange
        var runId = await Api.StartAsync(_client);
        await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");

        // Act: s1 (search_docs) was allowed by policy and has run
        var (_, body, response) = await Api.PostAsync(_client, $"/api/runs/{runId}/approvals/s1", """{"decision":"approve"}""");

        // Assert
        Api.AssertProblem(response, body, HttpStatusCode.Conflict);
        Assert.Equal("s1", body.GetProperty("stepId").GetString());
        Assert.Equal("executed", body.GetProperty("stepPhase").GetString());
        Assert.Equal("awaiting_approval", body.GetProperty("runStatus").GetString());
    }

    [Fact]
    public async Task Approval_UnknownStep_Answers404()
    {
        var runId = await Api.StartAsync(_client);
        await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");

        var (_, body, response) = await Api.PostAsync(_client, $"/api/runs/{runId}/approvals/nope", """{"decision":"approve"}""");

        Api.AssertProblem(response, body, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"decision":"maybe"}""", "decision")]
    [InlineData("""{}""", "decision")]
    [InlineData("""{"decision":true}""", "decision")]
    [InlineData("""{"decision":"approve","extra":1}""", "extra")]
    [InlineData("""{"decision":"approve","comment":5}""", "comment")]
    public async Task Approval_InvalidBody_Answers400NamingTheField(string json, string field)
    {
        var runId = await Api.StartAsync(_client);

        var (_, body, response) = await Api.PostAsync(_client, $"/api/runs/{runId}/approvals/s4", json);

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Cancel_WaitingRun_CancelsItAndASecondCancelAnswers409()
    {
        // Arrange
        var runId = await Api.StartAsync(_client);
        await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");

        // Act
        var (status, body, _) = await Api.PostAsync(_client, $"/api/runs/{runId}/cancel", """{"reason":"customer withdrew the question"}""");
        var state = await Api.WaitForStatusAsync(_client, runId, "cancelled");
        var (_, again, againResponse) = await Api.PostAsync(_client, $"/api/runs/{runId}/cancel", "{}");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.Equal("customer withdrew the question", state.GetProperty("cancelReason").GetString());
        Assert.Empty(state.GetProperty("pendingApprovals").EnumerateArray());
        Api.AssertProblem(againResponse, again, HttpStatusCode.Conflict);
        Assert.Equal("cancelled", again.GetProperty("runStatus").GetString());
    }

    [Fact]
    public async Task Cancel_WithoutBody_IsAccepted()
    {
        var runId = await Api.StartAsync(_client);

        using var response = await _client.PostAsync($"/api/runs/{runId}/cancel", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Api.WaitForStatusAsync(_client, runId, "cancelled");
    }

    [Fact]
    public async Task GetEvents_Range_ReturnsOnlyThoseEvents()
    {
        var runId = await Api.StartAsync(_client);
        await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");

        var (status, body, _) = await Api.GetAsync(_client, $"/api/runs/{runId}/events?fromSeq=2&toSeq=4");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([2L, 3L, 4L], body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
    }

    [Theory]
    [InlineData("fromSeq=0", "fromSeq")]
    [InlineData("fromSeq=abc", "fromSeq")]
    [InlineData("toSeq=-1", "toSeq")]
    [InlineData("fromSeq=5&toSeq=2", "toSeq")]
    public async Task GetEvents_BadRange_Answers400NamingTheParameter(string query, string field)
    {
        var runId = await Api.StartAsync(_client);

        var (_, body, response) = await Api.GetAsync(_client, $"/api/runs/{runId}/events?{query}");

        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }
}
