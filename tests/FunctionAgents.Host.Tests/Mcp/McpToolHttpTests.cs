using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Mcp;

/// <summary>MCP tools from the test server over streamable HTTP on 127.0.0.1, and what happens when it goes down.</summary>
[Collection(HostCollection.Name)]
public sealed class McpToolHttpTests(HostFixture fixture) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fa-mcp-" + Guid.NewGuid().ToString("N")[..8]);
    private McpTestServer _server = null!;
    private TestHost _host = null!;
    private HttpClient _client = null!;

    private string CallLog => Path.Combine(_folder, "calls.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await McpTestServer.StartHttpAsync(CallLog);
        _host = McpHost.Create(fixture, _folder, McpHost.Servers(McpHost.Http(_server.Url)), CallLog);
        _client = _host.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string[] Calls() => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    [Fact]
    public async Task AllowedTool_OverHttp_IsCalledWithTheDispatchId()
    {
        // Act
        var runId = await Api.StartAsync(_client, ScriptedPlanner.Goal(("shop.lookup_order", new { orderId = 1042 })));
        var run = await Api.WaitForStatusAsync(_client, runId, "completed", "failed");

        // Assert
        var step = run.GetProperty("steps")[0];
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.True(step.GetProperty("observation").GetProperty("success").GetBoolean());
        Assert.Equal([$"lookup_order {step.GetProperty("dispatchId").GetString()}"], Calls());
    }

    [Fact]
    public async Task ServerDown_FailsTheStepWithMcpUnavailable()
    {
        // Arrange: the catalog was built while the server was up; then it goes away
        await _host.StartAsync();
        _ = _host.Services.GetService(typeof(FunctionAgents.Domain.Tools.IToolCatalog));
        await _server.DisposeAsync();

        // Act
        var runId = await Api.StartAsync(_client, ScriptedPlanner.Goal(("shop.lookup_order", new { orderId = 1042 })));
        var run = await Api.WaitForStatusAsync(_client, runId, "completed", "failed");

        // Assert
        var observation = run.GetProperty("steps")[0].GetProperty("observation");
        Assert.False(observation.GetProperty("success").GetBoolean());
        Assert.StartsWith("mcp_unavailable", observation.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Calls());
    }
}
