using System.Net;
using System.Text.Json;
using FunctionAgents.Core.Hosting;
using FunctionAgents.Host.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FunctionAgents.Host.Tests.Mcp;

/// <summary>The SDK's own MCP client against the host's /mcp endpoint, with the tenants' API keys.</summary>
[Collection(HostCollection.Name)]
public sealed class McpServerTests(HostFixture fixture)
{
    private async Task<McpClient> ConnectAsync(string? apiKey)
    {
        var http = fixture.Shared.CreateClient();
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(ApiRoutes.ApiKeyHeader, apiKey);
        }

        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    private static async Task<(bool IsError, string Text)> CallAsync(McpClient client, string tool, object? args = null)
    {
        var arguments = args is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        var result = await client.CallToolAsync(tool, arguments);
        return (result.IsError == true, string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text)));
    }

    private static async Task<JsonElement> WaitAsync(McpClient client, string runId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (isError, text) = await CallAsync(client, "get_run", new { runId });
            Assert.False(isError, text);
            var run = JsonDocument.Parse(text).RootElement.Clone();
            if (statuses.Contains(run.GetProperty("status").GetString()) || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Client_StartsARun_ApprovesIt_AndSeesItComplete()
    {
        // Arrange
        await using var client = await ConnectAsync(HostFixture.AlphaKey);
        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet();

        // Act
        var (startError, started) = await CallAsync(client, "start_run", new { goal = Api.Goal, idempotencyKey = "mcp-" + Guid.NewGuid().ToString("N") });
        var runId = JsonDocument.Parse(started).RootElement.GetProperty("runId").GetString()!;
        var waiting = await WaitAsync(client, runId, "awaiting_approval", "completed", "failed");
        var (_, pendingText) = await CallAsync(client, "list_pending_approvals");
        var pending = JsonDocument.Parse(pendingText).RootElement.EnumerateArray().Single(p => p.GetProperty("runId").GetString() == runId);
        var stepId = pending.GetProperty("approval").GetProperty("stepId").GetString()!;
        var (decideError, decided) = await CallAsync(client, "decide_approval", new { runId, stepId, decision = "approve", comment = "via MCP" });
        var done = await WaitAsync(client, runId, "completed", "failed", "cancelled");
        var (_, explained) = await CallAsync(client, "explain_run", new { runId });
        var (_, listed) = await CallAsync(client, "list_runs", new { pageSize = 200 });

        // Assert
        Assert.Superset(new HashSet<string> { "start_run", "get_run", "list_runs", "explain_run", "list_pending_approvals", "decide_approval", "cancel_run" }, tools);
        Assert.False(startError, started);
        Assert.Equal("awaiting_approval", waiting.GetProperty("status").GetString());
        Assert.False(decideError, decided);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var email = done.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == stepId);
        Assert.Equal("mcp:alpha", email.GetProperty("approver").GetString());
        Assert.Equal(done.GetProperty("lastSeq").GetInt64(), explained.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(JsonDocument.Parse(listed).RootElement.GetProperty("runs").EnumerateArray(), r => r.GetProperty("runId").GetString() == runId);
        Assert.Equal("mcp", done.GetProperty("source").GetString());
    }

    [Fact]
    public async Task AnotherTenantsKey_SeesNothingOfTheRun_AndCannotActOnIt()
    {
        // Arrange: alpha's run waits for approval
        await using var alpha = await ConnectAsync(HostFixture.AlphaKey);
        var (_, started) = await CallAsync(alpha, "start_run", new { goal = Api.Goal });
        var runId = JsonDocument.Parse(started).RootElement.GetProperty("runId").GetString()!;
        var waiting = await WaitAsync(alpha, runId, "awaiting_approval");
        var stepId = waiting.GetProperty("pendingApprovals")[0].GetProperty("stepId").GetString()!;
        await using var beta = await ConnectAsync(HostFixture.BetaKey);

        // Act
        var get = await CallAsync(beta, "get_run", new { runId });
        var explain = await CallAsync(beta, "explain_run", new { runId });
        var decide = await CallAsync(beta, "decide_approval", new { runId, stepId, decision = "approve" });
        var cancel = await CallAsync(beta, "cancel_run", new { runId });
        var (_, listed) = await CallAsync(beta, "list_runs", new { pageSize = 200 });
        var (_, pending) = await CallAsync(beta, "list_pending_approvals");
        var after = await WaitAsync(alpha, runId, "awaiting_approval");

        // Assert
        Assert.All([get, explain, decide, cancel], r => Assert.True(r.IsError));
        Assert.All([get, explain, decide, cancel], r => Assert.Contains($"no run '{runId}'", r.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(runId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(runId, pending, StringComparison.Ordinal);
        Assert.Equal("awaiting_approval", after.GetProperty("status").GetString());
        await CallAsync(alpha, "cancel_run", new { runId, reason = "test done" });
    }

    [Fact]
    public async Task NoOrUnknownKey_IsRefusedWith401()
    {
        // Arrange
        using var http = fixture.Shared.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "application/json, text/event-stream");
        request.Headers.Add(ApiRoutes.ApiKeyHeader, "not-a-key");

        // Act
        var response = await http.SendAsync(request);
        var connect = await Record.ExceptionAsync(() => ConnectAsync(apiKey: null));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(connect);
    }
}
