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
}
