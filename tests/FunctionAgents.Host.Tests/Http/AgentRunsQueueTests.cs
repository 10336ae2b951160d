using System.Text.Json;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Testing;

namespace FunctionAgents.Host.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class AgentRunsQueueTests(HostFixture fixture)
{
    [Fact]
    public async Task QueueMessage_Valid_StartsARunLikeHttp()
    {
        // Arrange
        var host = fixture.Shared;
        using var client = host.Client();
        var key = "queued-" + Guid.NewGuid().ToString("N");
        var message = JsonSerializer.Serialize(new
        {
            tenant = "alpha",
            goal = Api.Goal,
            idempotencyKey = key,
            maxSteps = 6,
            metadata = new { channel = "email" },
            traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        });

        // Act
        await host.CreateQueueClient().SendMessageAsync(host.Names.AgentRuns, message);
        var runId = Runtime.Runs.RunIds.FromIdempotencyKey("alpha", key);
        var state = await WaitForRunAsync(client, runId);

        // Assert
        Assert.Equal("queue", state.GetProperty("source").GetString());
        Assert.Equal(6, state.GetProperty("maxSteps").GetInt32());
        Assert.Equal("email", state.GetProperty("metadata").GetProperty("channel").GetString());
        var (_, events, _) = await Api.GetAsync(client, $"/api/runs/{runId}/events?toSeq=1");
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", events.GetProperty("events")[0].GetProperty("traceParent").GetString());
    }

    [Fact]
    public async Task QueueMessage_Unprocessable_MovesToPoisonAtOnceWithTheReasonAndTheHostKeepsWorking()
    {
        // Arrange
        await using var host = fixture.CreateHost();
        await host.StartAsync();
        var queues = host.CreateQueueClient();
        var raw = StorageClientFactory.FromConnectionString(fixture.ConnectionString).RawQueues;
        var cases = new Dictionary<string, string>
        {
            ["{not json"] = "not valid JSON",
            ["""{"goal":"refund?"}"""] = "tenant is required",
            ["""{"tenant":"alpha"}"""] = "goal",
            ["""{"tenant":"alpha","goal":"refund?","budgetUsd":"many"}"""] = "budgetUsd",
            ["""{"tenant":"alpha","goal":"refund?","color":"red"}"""] = "color",
            ["""{"tenant":"Not A Tenant","goal":"refund?"}"""] = "tenant",
            ["[]"] = "must be a JSON object",
        };

        // Act
        foreach (var text in cases.Keys)
        {
            await queues.SendMessageAsync(host.Names.AgentRuns, text);
        }

        await raw.GetQueueClient(host.Names.AgentRuns).SendMessageAsync("%% not base64 %%");
        var poisoned = await ReceiveAllAsync(queues, host.Names.AgentRunsPoison, cases.Count + 1);

        // Assert
        Assert.Equal(cases.Count + 1, poisoned.Count);
        foreach (var (text, reason) in cases)
        {
            var envelope = Assert.Single(poisoned, p => p.GetProperty("message").GetString() == text);
            Assert.Contains(reason, envelope.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, envelope.GetProperty("dequeueCount").GetInt64());
            Assert.True(envelope.GetProperty("receivedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        }

        Assert.Contains(poisoned, p => p.GetProperty("reason").GetString()!.Contains("Base64", StringComparison.Ordinal));
        Assert.Equal(0, await queues.GetApproximateMessageCountAsync(host.Names.AgentRuns));
        using var client = host.Client();
        var runId = await Api.StartAsync(client);
        await Api.WaitForStatusAsync(client, runId, "awaiting_approval");
    }

    private static async Task<JsonElement> WaitForRunAsync(HttpClient client, string runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body, _) = await Api.GetAsync(client, $"/api/runs/{runId}");
            if (status == System.Net.HttpStatusCode.OK)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} never appeared");
            await Task.Delay(100);
        }
    }

    private static async Task<List<JsonElement>> ReceiveAllAsync(QueueStorageClient queues, string queue, int expected)
    {
        var found = new List<JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (found.Count < expected && DateTime.UtcNow < deadline)
        {
            foreach (var message in await queues.ReceiveMessagesAsync(queue, 32, TimeSpan.FromMinutes(5)))
            {
                found.Add(JsonDocument.Parse(message.Text!).RootElement.Clone());
            }

            await Task.Delay(100);
        }

        return found;
    }
}
