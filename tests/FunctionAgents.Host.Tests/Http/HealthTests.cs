using System.Net;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class HealthTests(HostFixture fixture)
{
    [Fact]
    public async Task Health_StorageUp_ReportsHealthyWithQueueDepths()
    {
        // Arrange
        using var client = fixture.Shared.Client();

        // Act
        var (status, body, _) = await Api.GetAsync(client, "/api/health");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("storageReachable").GetBoolean());
        var queues = body.GetProperty("queues");
        var names = fixture.Shared.Names;
        foreach (var queue in new[] { names.AgentRuns, names.AgentRunsPoison })
        {
            Assert.True(queues.TryGetProperty(queue, out var depth), $"queue {queue} missing in {queues}");
            Assert.True(depth.GetInt32() >= 0);
        }
    }

    [Fact]
    public async Task Health_WithoutKey_Answers401()
    {
        using var client = fixture.Shared.Client(apiKey: null);

        var (_, body, response) = await Api.GetAsync(client, "/api/health");

        Api.AssertProblem(response, body, HttpStatusCode.Unauthorized);
    }
}
