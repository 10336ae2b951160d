using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class ListRunsTests(HostFixture fixture)
{
    [Fact]
    public async Task ListRuns_PagedWithContinuation_ReturnsEveryRunOnce()
    {
        // Arrange: a host of its own, so the tenant has exactly these runs
        await using var host = fixture.CreateHost();
        using var client = host.Client();
        var started = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            started.Add(await Api.StartAsync(client, goal: $"Which payment methods do you accept? ({i})"));
        }

        // Act
        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var uri = "/api/runs?pageSize=2" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            var (status, body, _) = await Api.GetAsync(client, uri);
            Assert.Equal(HttpStatusCode.OK, status);
            pages.Add([.. body.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runId").GetString()!)]);
            token = body.GetProperty("continuationToken").ValueKind == JsonValueKind.String ? body.GetProperty("continuationToken").GetString() : null;
        }
        while (token is not null);

        // Assert
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(started.Order(), pages.SelectMany(p => p).Order());
        using var beta = host.Client(HostFixture.BetaKey);
        var (_, betaBody, _) = await Api.GetAsync(beta, "/api/runs");
        Assert.Empty(betaBody.GetProperty("runs").EnumerateArray());
    }

    [Fact]
    public async Task ListRuns_StatusAndTimeFilters_SelectMatchingRuns()
    {
        // Arrange
        await using var host = fixture.CreateHost();
        using var client = host.Client();
        var cancelled = await Api.StartAsync(client);
        var waiting = await Api.StartAsync(client);
        await Api.WaitForStatusAsync(client, waiting, "awaiting_approval");
        await Api.WaitForStatusAsync(client, cancelled, "awaiting_approval");
        await Api.PostAsync(client, $"/api/runs/{cancelled}/cancel", "{}");

        // Act
        var (_, byStatus, _) = await Api.GetAsync(client, "/api/runs?status=cancelled");
        var (_, future, _) = await Api.GetAsync(client, "/api/runs?from=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O")));
        var (_, window, _) = await Api.GetAsync(client, $"/api/runs?from={DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={DateTimeOffset.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}");

        // Assert
        var item = Assert.Single(byStatus.GetProperty("runs").EnumerateArray());
        Assert.Equal(cancelled, item.GetProperty("runId").GetString());
        Assert.Equal($"/api/runs/{cancelled}", item.GetProperty("statusUri").GetString());
        Assert.Empty(future.GetProperty("runs").EnumerateArray());
        Assert.Equal(2, window.GetProperty("runs").GetArrayLength());
    }
}
