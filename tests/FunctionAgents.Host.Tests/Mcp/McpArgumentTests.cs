using System.Text;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Http.Routing;

namespace FunctionAgents.Host.Tests.Mcp;

/// <summary>
/// Tool arguments of the wrong type, missing or unknown, sent as raw JSON-RPC over a real socket to both MCP endpoints
/// (the local host's /mcp and the Functions app's handler): each is refused with a tool error that names the argument and
/// the type it must have, never a JSON-RPC -32603 "An error occurred.".
/// </summary>
[Collection(HostCollection.Name)]
public sealed class McpArgumentTests(HostFixture fixture) : IAsyncLifetime
{
    private FunctionsMcpApp? _app;

    public async Task InitializeAsync() => _app = await FunctionsMcpApp.StartAsync(fixture.Shared);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public static TheoryData<string, string, string, string> WrongArguments()
    {
        var data = new TheoryData<string, string, string, string>();
        (string Tool, string Arguments, string Expected)[] cases =
        [
            ("start_run", """{"goal":123}""", "argument 'goal' must be a string, was the number 123"),
            ("start_run", """{"goal":{"text":"hi"}}""", "argument 'goal' must be a string, was an object"),
            ("start_run", """{"idempotencyKey":"k"}""", "argument 'goal' is required (a string)"),
            ("start_run", """{"goal":"g","idempotencyKey":["k"]}""", "argument 'idempotencyKey' must be a string or null, was an array"),
            ("list_runs", """{"pageSize":"50"}""", "argument 'pageSize' must be an integer (-2147483648 to 2147483647), was a string"),
            ("list_runs", """{"pageSize":1.5}""", "argument 'pageSize' must be an integer (-2147483648 to 2147483647), was the number 1.5"),
            ("list_runs", """{"pageSize":1e308}""", "argument 'pageSize' must be an integer (-2147483648 to 2147483647), was the number 1e308"),
            ("get_run", """{"runId":"r","verbose":true}""", "unknown argument 'verbose': the arguments are runId"),
            ("get_run", """{"runId":null}""", "argument 'runId' must be a string, was null"),
            ("decide_approval", """{"runId":"r","stepId":"s","decision":true}""", "argument 'decision' must be a string, was a boolean"),
            ("list_pending_approvals", """{"all":true}""", "unknown argument 'all': this tool takes no arguments"),
        ];
        foreach (var endpoint in new[] { "/mcp", FunctionsMcpApp.Route })
        {
            foreach (var (tool, arguments, expected) in cases)
            {
                data.Add(endpoint, tool, arguments, expected);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WrongArguments))]
    public async Task WrongArgument_IsAToolErrorNamingTheArgumentAndItsType(string endpoint, string tool, string arguments, string expected)
    {
        // Act
        var answer = await CallAsync(endpoint, """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":""" + JsonSerializer.Serialize(tool) + ""","arguments":""" + arguments + "}}");

        // Assert
        Assert.False(answer.TryGetProperty("error", out var error), error.ToString());
        var result = answer.GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean());
        var text = result.GetProperty("content")[0].GetProperty("text").GetString();
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid arguments for '{tool}'", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/mcp")]
    [InlineData(FunctionsMcpApp.Route)]
    public async Task SeveralWrongArguments_AreAllNamed(string endpoint)
    {
        // Act
        var answer = await CallAsync(endpoint, """{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"decide_approval","arguments":{"runId":1,"decision":"approve","extra":0}}}""");

        // Assert
        var text = answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString();
        Assert.Contains("unknown argument 'extra'", text, StringComparison.Ordinal);
        Assert.Contains("argument 'stepId' is required (a string)", text, StringComparison.Ordinal);
        Assert.Contains("argument 'runId' must be a string, was the number 1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/mcp")]
    [InlineData(FunctionsMcpApp.Route)]
    public async Task RightArguments_StillReachTheTool(string endpoint)
    {
        // Act
        var answer = await CallAsync(endpoint, """{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"list_runs","arguments":{"pageSize":1,"status":null}}}""");

        // Assert
        var result = answer.GetProperty("result");
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), result.ToString());
        Assert.True(JsonDocument.Parse(result.GetProperty("content")[0].GetProperty("text").GetString()!).RootElement.TryGetProperty("runs", out _));
    }

    /// <summary>POSTs one JSON-RPC message with alpha's key and returns the JSON-RPC answer (JSON or the SSE event's data).</summary>
    private async Task<JsonElement> CallAsync(string endpoint, string body)
    {
        using var http = endpoint == FunctionsMcpApp.Route
            ? new HttpClient { BaseAddress = (_app ?? throw new InvalidOperationException("The app has not started.")).BaseAddress }
            : fixture.Shared.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Accept", "application/json, text/event-stream");
        request.Headers.Add(ApiRoutes.ApiKeyHeader, HostFixture.AlphaKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        var json = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? text.Split('\n').Last(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..]
            : text;
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
