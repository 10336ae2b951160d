using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class IdempotencyTests(HostFixture fixture)
{
    [Fact]
    public async Task StartRun_SameKeyHundredTimesOverHttpAndQueue_MakesOneRun()
    {
        // Arrange
        var host = fixture.Shared;
        using var client = host.Client();
        var key = "order-1042-" + Guid.NewGuid().ToString("N");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = key };
        var body = JsonSerializer.Serialize(new { goal = Api.Goal });

        // Act: 100 starts, 10 at a time
        var answers = new List<(HttpStatusCode Status, JsonElement Body)>();
        for (var batch = 0; batch < 10; batch++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Api.PostAsync(client, "/api/runs", body, headers)));
            answers.AddRange(results.Select(r => (r.Status, r.Body)));
        }

        var runId = answers[0].Body.GetProperty("runId").GetString()!;
        await host.CreateQueueClient().SendMessageAsync(
            host.Names.AgentRuns, JsonSerializer.Serialize(new { tenant = "alpha", goal = "a different goal", idempotencyKey = key }));
        await WaitUntilQueueEmptyAsync(host, host.Names.AgentRuns);

        // Assert
        Assert.All(answers, a => Assert.Equal(runId, a.Body.GetProperty("runId").GetString()));
        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        Assert.Equal(99, answers.Count(a => a.Status == HttpStatusCode.OK && !a.Body.GetProperty("created").GetBoolean()));
        Assert.Equal(RunIds.FromIdempotencyKey("alpha", key), runId);
        var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events");
        Assert.Single(events.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "RunStarted");
        var state = await Api.WaitForStatusAsync(client, runId, "awaiting_approval");
        Assert.Equal(Api.Goal, state.GetProperty("goal").GetString());
        Assert.Equal(0, await PoisonedWithKeyAsync(host, key));
    }

    [Fact]
    public async Task StartRun_SameKeyAfterTheRunFinished_ReturnsTheSameRun()
    {
        using var client = fixture.Shared.Client();
        var key = "finished-" + Guid.NewGuid().ToString("N");
        var runId = await Api.StartAsync(client, idempotencyKey: key);
        await Api.WaitForStatusAsync(client, runId, "awaiting_approval");
        await Api.PostAsync(client, $"/api/runs/{runId}/cancel", "{}");
        await Api.WaitForStatusAsync(client, runId, "cancelled");

        var (status, body, response) = await Api.PostAsync(
            client, "/api/runs", JsonSerializer.Serialize(new { goal = Api.Goal }), new Dictionary<string, string> { ["Idempotency-Key"] = key });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(runId, body.GetProperty("runId").GetString());
        Assert.False(body.GetProperty("created").GetBoolean());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task StartRun_SameKeyOtherTenant_IsAnotherRun()
    {
        using var alpha = fixture.Shared.Client(HostFixture.AlphaKey);
        using var beta = fixture.Shared.Client(HostFixture.BetaKey);
        var key = "shared-" + Guid.NewGuid().ToString("N");

        var alphaRun = await Api.StartAsync(alpha, idempotencyKey: key);
        var betaRun = await Api.StartAsync(beta, idempotencyKey: key);

        Assert.NotEqual(alphaRun, betaRun);
    }

    private static async Task WaitUntilQueueEmptyAsync(TestHost host, string queue)
    {
        var queues = host.CreateQueueClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await queues.GetApproximateMessageCountAsync(queue) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"queue {queue} was not drained");
            await Task.Delay(100);
        }
    }

    private static async Task<int> PoisonedWithKeyAsync(TestHost host, string key)
    {
        var messages = await host.CreateQueueClient().ReceiveMessagesAsync(host.Names.AgentRunsPoison, 32, TimeSpan.FromMilliseconds(1));
        return messages.Count(m => m.Text?.Contains(key, StringComparison.Ordinal) == true);
    }
}
