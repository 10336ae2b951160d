using System.Net;
using System.Text;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Http.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace FunctionAgents.Host.Tests.Mcp;

/// <summary>
/// The Functions app's MCP endpoint (/api/mcp): the SDK's client over a real socket against <see cref="FunctionsMcpApp"/>,
/// which hands each request to the shared handler exactly as the app's HTTP trigger does.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class McpFunctionTests(HostFixture fixture) : IAsyncLifetime
{
    private FunctionsMcpApp? _app;

    private FunctionsMcpApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync() => _app = await FunctionsMcpApp.StartAsync(fixture.Shared);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private HttpClient Http(string? apiKey)
    {
        var http = new HttpClient { BaseAddress = App.BaseAddress };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(ApiRoutes.ApiKeyHeader, apiKey);
        }

        return http;
    }

    private Task<McpClient> ConnectAsync(string? apiKey) => McpCalls.ConnectAsync(Http(apiKey), new Uri(App.BaseAddress, FunctionsMcpApp.Route));

    private static HttpRequestMessage ToolsList(HttpMethod method) => new(method, FunctionsMcpApp.Route)
    {
        Content = method == HttpMethod.Post
            ? new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json")
            : null,
        Headers = { { "Accept", "application/json, text/event-stream" } },
    };

    [Fact]
    public async Task FunctionRoute_ListsTools_StartsARun_AndDrivesItThroughApproval()
    {
        // Arrange
        await using var client = await ConnectAsync(HostFixture.AlphaKey);
        var idempotencyKey = "mcpfn-" + Guid.NewGuid().ToString("N");

        // Act
        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        var (startError, started) = await McpCalls.CallAsync(client, "start_run", new { goal = Api.Goal, idempotencyKey });
        var runId = JsonDocument.Parse(started).RootElement.GetProperty("runId").GetString()!;
        var (_, again) = await McpCalls.CallAsync(client, "start_run", new { goal = Api.Goal, idempotencyKey });
        var waiting = await McpCalls.WaitAsync(client, runId, "awaiting_approval", "completed", "failed");
        var pending = await McpCalls.WaitForPendingAsync(client, runId);
        var stepId = pending.GetProperty("approval").GetProperty("stepId").GetString()!;
        var (decideError, decided) = await McpCalls.CallAsync(client, "decide_approval", new { runId, stepId, decision = "approve" });
        var done = await McpCalls.WaitAsync(client, runId, "completed", "failed", "cancelled");

        // Assert
        Assert.Null(App.Services.GetService<IHttpContextAccessor>());
        Assert.Equal(McpCalls.ToolNames, tools);
        Assert.False(startError, started);
        Assert.True(JsonDocument.Parse(started).RootElement.GetProperty("created").GetBoolean());
        Assert.Equal(runId, JsonDocument.Parse(again).RootElement.GetProperty("runId").GetString());
        Assert.False(JsonDocument.Parse(again).RootElement.GetProperty("created").GetBoolean());
        Assert.Equal("awaiting_approval", waiting.GetProperty("status").GetString());
        Assert.False(decideError, decided);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("mcp", done.GetProperty("source").GetString());
        var approved = done.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == stepId);
        Assert.Equal("mcp:alpha", approved.GetProperty("approver").GetString());
    }

    [Fact]
    public Task FunctionRoute_AnotherTenantsKey_SeesNothingOfTheRun_AndCannotActOnIt() =>
        McpCalls.AssertAnotherTenantSeesNothingAsync(key => ConnectAsync(key));

    [Fact]
    public async Task FunctionRoute_MissingOrUnknownKey_Is401ProblemJson_BeforeAnyMcpMessage()
    {
        // Arrange
        using var noKey = Http(apiKey: null);
        using var unknownKey = Http("not-a-key");
        using var first = ToolsList(HttpMethod.Post);
        using var second = ToolsList(HttpMethod.Post);

        // Act
        using var missing = await noKey.SendAsync(first);
        using var unknown = await unknownKey.SendAsync(second);
        var connect = await Record.ExceptionAsync(() => ConnectAsync(apiKey: null));

        // Assert
        Assert.All([missing, unknown], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.All([missing, unknown], r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Contains(ApiRoutes.ApiKeyHeader, await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(connect);
    }

    [Fact]
    public async Task FunctionRoute_GetAndDelete_Are405WithAllowPost_AndAPostWithoutAcceptIsRefusedByTheTransport()
    {
        // Arrange: the trigger binds GET and DELETE too; a stateless server has no stream or session for them
        using var http = Http(HostFixture.AlphaKey);
        using var getRequest = ToolsList(HttpMethod.Get);
        using var deleteRequest = ToolsList(HttpMethod.Delete);
        using var jsonOnly = new HttpRequestMessage(HttpMethod.Post, FunctionsMcpApp.Route)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
            Headers = { { "Accept", "application/json" } },
        };

        // Act
        using var get = await http.SendAsync(getRequest);
        using var delete = await http.SendAsync(deleteRequest);
        using var refused = await http.SendAsync(jsonOnly);

        // Assert
        Assert.All([get, delete], r => Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode));
        Assert.All([get, delete], r => Assert.Equal("POST", r.Content.Headers.Allow.Single()));
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
    }
}
