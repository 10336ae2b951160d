using System.Net;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Dashboard;

[Collection(HostCollection.Name)]
public sealed class VerificationApiTests(HostFixture fixture)
{
    private readonly HttpClient _alpha = fixture.Shared.Client();

    [Fact]
    public async Task Verify_FinishedRun_ReportsAnIntactChainOverEveryEvent()
    {
        var runId = await Api.StartAsync(_alpha, "What is our refund policy for customers in Germany?");
        var run = await Api.WaitForStatusAsync(_alpha, runId, "completed");

        var (status, body, _) = await Api.GetAsync(_alpha, $"/api/runs/{runId}/verification");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("isValid").GetBoolean(), body.GetRawText());
        Assert.Equal(run.GetProperty("lastSeq").GetInt64(), body.GetProperty("eventsChecked").GetInt64());
        Assert.False(body.TryGetProperty("firstBadSeq", out _));
    }

    [Fact]
    public async Task Verify_TamperedEvent_ReportsTheFirstBadSeq()
    {
        // Arrange: rewrite one stored event's payload behind the journal's back
        var runId = await Api.StartAsync(_alpha, "What is our refund policy for customers in Germany? (tampered)");
        await Api.WaitForStatusAsync(_alpha, runId, "completed");
        var tables = fixture.Shared.CreateTableClient();
        var table = fixture.Shared.Names.Journal;
        var row = await tables.GetEntityAsync(table, runId, "0000000002");
        Assert.NotNull(row);
        row["Payload"] = "{\"tampered\":true}";
        await tables.UpsertEntityAsync(table, row); // replace mode: the whole row is rewritten

        // Act
        var (status, body, _) = await Api.GetAsync(_alpha, $"/api/runs/{runId}/verification");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("isValid").GetBoolean());
        Assert.Equal(2, body.GetProperty("firstBadSeq").GetInt64());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("problem").GetString()));
    }

    [Fact]
    public async Task Verify_AnotherTenantsRun_Answers404LikeAnUnknownOne()
    {
        var runId = await Api.StartAsync(_alpha, "What is our refund policy for customers in Germany? (tenancy)");
        using var beta = fixture.Shared.Client(HostFixture.BetaKey);

        var (_, body, response) = await Api.GetAsync(beta, $"/api/runs/{runId}/verification");
        var (_, unknownBody, unknown) = await Api.GetAsync(_alpha, "/api/runs/no-such-run/verification");

        Api.AssertProblem(response, body, HttpStatusCode.NotFound);
        Api.AssertProblem(unknown, unknownBody, HttpStatusCode.NotFound);
    }
}
