using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>A minimal MCP client over streamable HTTP (the host's /mcp is stateless): JSON-RPC requests, JSON or SSE answers.</summary>
internal sealed class TenancyMcp
{
    private readonly HttpClient _client;
    private int _id;

    public TenancyMcp(HttpClient client) => _client = client;

    /// <summary>Every tool the server lists, with its input schema's property names.</summary>
    public async Task<List<(string Name, List<string> Arguments)>> ListToolsAsync(CancellationToken cancellationToken)
    {
        var result = await CallAsync("tools/list", new JsonObject(), cancellationToken);
        return result["result"]!["tools"]!.AsArray()
            .Select(t => ((string)t!["name"]!, t["inputSchema"]?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? []))
            .ToList();
    }

    /// <summary>tools/call; returns (isError, text of the result or the JSON-RPC error).</summary>
    public async Task<(bool IsError, string Text)> CallToolAsync(string name, JsonObject arguments, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("tools/call", new JsonObject { ["name"] = name, ["arguments"] = arguments }, cancellationToken);
        if (answer["error"] is { } error)
        {
            return (true, error.ToJsonString());
        }

        var result = answer["result"]!;
        return ((bool?)result["isError"] ?? false, result.ToJsonString());
    }

    private async Task<JsonNode> CallAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _id), ["method"] = method, ["params"] = parameters };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("mcp", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await _client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"MCP {method} answered {(int)response.StatusCode}: {text}");
        }

        // Streamable HTTP may answer as Server-Sent Events: the JSON-RPC response is the data of the last event.
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            text = text.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].Trim()).Last();
        }

        return JsonNode.Parse(text) ?? throw new JsonException($"MCP {method} answered no JSON.");
    }
}
