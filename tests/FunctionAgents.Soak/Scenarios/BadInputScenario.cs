using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 9: the generated corpus against the real host over HTTP. Every request gets a 4xx with an
/// application/problem+json body, never a 5xx, and the host is still alive afterwards.
/// </summary>
internal sealed class BadInputScenario : IScenario
{
    public string Name => "bad input";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var host = await LocalHostProcess.StartAsync(environment.ConnectionString, "soakbad", cancellationToken);
        using var client = host.Client(LocalHostProcess.AlphaKey);
        var corpus = BadInputCorpus.Generate().ToList();
        var problems = new List<string>();
        foreach (var request in corpus)
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(request.Path, UriKind.Relative));
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
            }

            try
            {
                using var response = await client.SendAsync(message, cancellationToken);
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || type != "application/problem+json")
                {
                    problems.Add($"{request.Label}: {status} {type ?? "no body"}");
                }
                else if (request.Allow is { } allow && (status != 405 || string.Join(", ", response.Content.Headers.Allow) != allow))
                {
                    problems.Add($"{request.Label}: {status} Allow '{string.Join(", ", response.Content.Headers.Allow)}', expected 405 Allow '{allow}'");
                }
            }
            catch (HttpRequestException ex)
            {
                problems.Add($"{request.Label}: connection failed ({ex.Message})");
            }
        }

        var mcp = BadInputCorpus.McpCalls().ToList();
        foreach (var call in mcp)
        {
            problems.AddRange(await CallMcpAsync(client, call, cancellationToken));
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"  bad input: {problem}");
        }

        if (host.HasExited)
        {
            problems.Add("the host exited");
        }

        var wrongMethods = corpus.Count(r => r.Allow is not null);
        var detail = problems.Count == 0
            ? $"{corpus.Count} requests: all 4xx problem+json ({wrongMethods} wrong methods: 405 with Allow), 0 5xx; {mcp.Count} MCP calls with wrong " +
              "arguments: each a tool error naming the argument and its type, 0 JSON-RPC errors; host alive"
            : $"{problems.Count} bad answers, e.g. {string.Join("; ", problems.Take(4))}";
        return new ScenarioResult(Name, corpus.Count + mcp.Count, problems.Count, started.Elapsed, detail);
    }

    /// <summary>One raw JSON-RPC <c>tools/call</c>: the answer must be a tool error naming the argument, never a JSON-RPC error or a 5xx.</summary>
    private static async Task<IEnumerable<string>> CallMcpAsync(HttpClient client, BadMcpCall call, CancellationToken cancellationToken)
    {
        var label = $"MCP {call.Tool} {call.Arguments}";
        var body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + call.Tool + "\",\"arguments\":" + call.Arguments + "}}";
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("mcp", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Accept.ParseAdd("application/json");
        message.Headers.Accept.ParseAdd("text/event-stream");
        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return [$"{label}: {(int)response.StatusCode}"];
            }

            var json = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                ? text.Split('\n').LastOrDefault(l => l.StartsWith("data:", StringComparison.Ordinal))?["data:".Length..] ?? "{}"
                : text;
            using var answer = System.Text.Json.JsonDocument.Parse(json);
            if (answer.RootElement.TryGetProperty("error", out var error))
            {
                return [$"{label}: JSON-RPC error {error}"];
            }

            var result = answer.RootElement.GetProperty("result");
            var said = result.GetProperty("content")[0].GetProperty("text").GetString() ?? string.Empty;
            return result.TryGetProperty("isError", out var isError) && isError.GetBoolean() && said.Contains(call.Expected, StringComparison.Ordinal)
                ? []
                : [$"{label}: '{said}' does not say \"{call.Expected}\""];
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"{label}: {ex.GetType().Name}: {ex.Message}"];
        }
    }
}
