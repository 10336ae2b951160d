using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using FunctionAgents.Azure.Memory;
using FunctionAgents.Domain.Memory;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Privacy;

/// <summary>Long-term memory on the real host and Azurite: a finished run's facts are kept redacted and recalled by the next run.</summary>
[Collection(HostCollection.Name)]
public sealed class MemoryTests(HostFixture fixture)
{
    private const string Goal = "The customer anna.schmidt@example.de asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer";

    [Fact]
    public async Task LongTermRuns_SecondRunRecallsTheFirst_JournaledAndExplained()
    {
        // Arrange
        await using var host = fixture.CreateHost(new Dictionary<string, string?> { [MemorySettingNames.LongTermTenants] = "alpha" });
        using var client = host.Client();

        // Act
        var first = await StartAsync(client, "long_term");
        await Api.ApproveUntilCompletedAsync(client, first);
        var second = await StartAsync(client, "long_term");
        await Api.ApproveUntilCompletedAsync(client, second);

        // Assert: the second run's journal recalls the first, and the timeline explains it
        var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{second}/events");
        Assert.Equal("MemoryRetrieved", events.GetProperty("events")[1].GetProperty("type").GetString());
        var (_, timeline, _) = await Api.GetAsync(client, $"/api/runs/{second}/timeline");
        Assert.Contains("Memory retrieved", timeline.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(first, timeline.GetRawText(), StringComparison.Ordinal);

        // What memory keeps is redacted
        var table = new TableServiceClient(fixture.ConnectionString).GetTableClient(host.Names.Table(TableMemoryStore.DefaultTableName));
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotContain("anna", r.GetString("Text"), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task LongTerm_TenantNotOptedIn_JournalsWhyNothingWasRetrieved()
    {
        // Arrange
        using var client = fixture.Shared.Client();

        // Act
        var runId = await StartAsync(client, "long_term");
        await Api.ApproveUntilCompletedAsync(client, runId);

        // Assert
        var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events");
        var memory = events.GetProperty("events")[1];
        Assert.Equal("MemoryRetrieved", memory.GetProperty("type").GetString());
        Assert.Contains("not enabled for tenant alpha", memory.GetProperty("payload").GetProperty("sources")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_UnknownMemoryScope_Is400NamingTheField()
    {
        // Act
        var (status, body, response) = await Api.PostAsync(fixture.Shared.Client(), "/api/runs", JsonSerializer.Serialize(new { goal = Goal, metadata = new Dictionary<string, string> { ["memory"] = "forever" } }));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Api.AssertProblem(response, body, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("metadata.memory", out _));
    }

    private static async Task<string> StartAsync(HttpClient client, string scope)
    {
        var (status, started, _) = await Api.PostAsync(client, "/api/runs", JsonSerializer.Serialize(new { goal = Goal, metadata = new Dictionary<string, string> { ["memory"] = scope } }));
        Assert.Equal(HttpStatusCode.Accepted, status);
        return started.GetProperty("runId").GetString()!;
    }
}
