using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>The SDK's MCP client against one of our MCP endpoints: connect, call a tool, wait for a run's status.</summary>
public static class McpCalls
{
    public static readonly HashSet<string> ToolNames =
        ["start_run", "get_run", "list_runs", "explain_run", "list_pending_approvals", "decide_approval", "cancel_run"];

    /// <summary>Connects over streamable HTTP with <paramref name="http"/> (which carries the key, if any) to <paramref name="endpoint"/>.</summary>
    public static async Task<McpClient> ConnectAsync(HttpClient http, Uri endpoint)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp },
            http,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    public static async Task<(bool IsError, string Text)> CallAsync(McpClient client, string tool, object? args = null)
    {
        var arguments = args is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        var result = await client.CallToolAsync(tool, arguments);
        return (result.IsError == true, string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text)));
    }

    /// <summary>Polls get_run until the run reaches one of <paramref name="statuses"/> (or 60 seconds pass) and returns the last view.</summary>
    public static async Task<JsonElement> WaitAsync(McpClient client, string runId, params string[] statuses)
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

    /// <summary>
    /// Polls list_pending_approvals until <paramref name="runId"/> is in it (or 60 seconds pass) and returns its entry. get_run
    /// folds the journal, while the list reads the run index, a projection written just after the append.
    /// </summary>
    public static async Task<JsonElement> WaitForPendingAsync(McpClient client, string runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (isError, text) = await CallAsync(client, "list_pending_approvals");
            Assert.False(isError, text);
            var pending = JsonDocument.Parse(text).RootElement.EnumerateArray().Where(p => p.GetProperty("runId").GetString() == runId).ToList();
            if (pending.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(pending).Clone();
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Alpha's run waits for approval; beta's key (through <paramref name="connect"/>, either host's MCP endpoint) can
    /// neither read, explain, list, decide nor cancel it, and the run is left as it was.
    /// </summary>
    public static async Task AssertAnotherTenantSeesNothingAsync(Func<string, Task<McpClient>> connect)
    {
        // Arrange: alpha's run waits for approval
        await using var alpha = await connect(HostFixture.AlphaKey);
        var (_, started) = await CallAsync(alpha, "start_run", new { goal = Api.Goal });
        var runId = JsonDocument.Parse(started).RootElement.GetProperty("runId").GetString()!;
        var waiting = await WaitAsync(alpha, runId, "awaiting_approval");
        var stepId = waiting.GetProperty("pendingApprovals")[0].GetProperty("stepId").GetString()!;
        await using var beta = await connect(HostFixture.BetaKey);

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
}
