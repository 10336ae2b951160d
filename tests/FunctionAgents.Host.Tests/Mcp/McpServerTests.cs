using System.Net;
using System.Text.Json;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Http.Routing;
using ModelContextProtocol.Client;

namespace FunctionAgents.Host.Tests.Mcp;

/// <summary>The SDK's own MCP client against the host's /mcp endpoint, with the tenants' API keys.</summary>
[Collection(HostCollection.Name)]
public sealed class McpServerTests(HostFixture fixture)
{
    private async Task<McpClient> ConnectAsync(string? apiKey, string path = "/mcp")
    {
        var http = fixture.Shared.CreateClient();
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(ApiRoutes.ApiKeyHeader, apiKey);
        }

        return await McpCalls.ConnectAsync(http, new Uri(http.BaseAddress!, path));
    }

    [Fact]
    public async Task Client_StartsARun_ApprovesIt_AndSeesItComplete()
    {
        // Arrange
        await using var client = await ConnectAsync(HostFixture.AlphaKey);
        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet();

        // Act
        var (startError, started) = await McpCalls.CallAsync(client, "start_run", new { goal = Api.Goal, idempotencyKey = "mcp-" + Guid.NewGuid().ToString("N") });
        var runId = JsonDocument.Parse(started).RootElement.GetProperty("runId").GetString()!;
        var waiting = await McpCalls.WaitAsync(client, runId, "awaiting_approval", "completed", "failed");
        var pending = await McpCalls.WaitForPendingAsync(client, runId);
        var stepId = pending.GetProperty("approval").GetProperty("stepId").GetString()!;
        var (decideError, decided) = await McpCalls.CallAsync(client, "decide_approval", new { runId, stepId, decision = "approve", comment = "via MCP" });
        var done = await McpCalls.WaitAsync(client, runId, "completed", "failed", "cancelled");
        var (_, explained) = await McpCalls.CallAsync(client, "explain_run", new { runId });
        var (_, listed) = await McpCalls.CallAsync(client, "list_runs", new { pageSize = 200 });

        // Assert
        Assert.Superset(McpCalls.ToolNames, tools);
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
    public Task AnotherTenantsKey_SeesNothingOfTheRun_AndCannotActOnIt() =>
        McpCalls.AssertAnotherTenantSeesNothingAsync(key => ConnectAsync(key));

    [Theory]
    [InlineData("/mcp", "text/plain")]
    [InlineData("/mcp", "application/x-www-form-urlencoded")]
    [InlineData("/api/mcp", "application/xml")]
    [InlineData("/api/mcp", null)]
    public async Task Post_BodyNotJson_Is415ProblemNamingTheContentType(string path, string? contentType)
    {
        // Arrange
        using var http = fixture.Shared.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}"""u8.ToArray()),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Add("Accept", "application/json, text/event-stream");
        request.Headers.Add(ApiRoutes.ApiKeyHeader, HostFixture.AlphaKey);

        // Act
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Content-Type must be application/json", body, StringComparison.Ordinal);
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

    [Fact]
    public async Task ApiMcp_TheFunctionsAppsRoute_ServesTheSameServer()
    {
        // Arrange
        await using var client = await ConnectAsync(HostFixture.AlphaKey, "/" + ApiRoutes.Mcp);
        using var http = fixture.Shared.CreateClient();
        http.DefaultRequestHeaders.Add(ApiRoutes.ApiKeyHeader, HostFixture.AlphaKey);

        // Act
        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        var (isError, listed) = await McpCalls.CallAsync(client, "list_runs", new { pageSize = 1 });
        using var get = await http.GetAsync("/" + ApiRoutes.Mcp);

        // Assert
        Assert.Equal(McpCalls.ToolNames, tools);
        Assert.False(isError, listed);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
    }
}
