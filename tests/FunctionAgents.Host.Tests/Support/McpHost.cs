using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>A host whose catalog includes the test MCP server's tools (as <c>shop.*</c>), its own policy and the scripted planner.</summary>
public static class McpHost
{
    public const string Policy = """
        version: 1
        default: deny
        rules:
          - name: allow_shop_reads
            when:
              tool: shop.lookup_order
            action: allow
            reason: order look-ups are read-only
          - name: allow_shop_misc
            when:
              tool: shop.injected
            action: allow
            reason: reviews are read-only
          - name: allow_shop_slow
            when:
              tool: shop.slow
            action: allow
            reason: test tool
          - name: allow_shop_big
            when:
              tool: shop.big
            action: allow
            reason: test tool
          - name: approve_shop_echo
            when:
              tool: shop.echo
            action: require_human_approval
            reason: echo needs a human
            approval:
              timeout: PT1H
              on_timeout: deny
          - name: allow_search_docs
            when:
              tool: search_docs
            action: allow
            reason: read-only
        """;

    /// <summary>Writes the servers file and policy into <paramref name="folder"/> and creates the host.</summary>
    public static TestHost Create(HostFixture fixture, string folder, string serverJson, string callLog)
    {
        Directory.CreateDirectory(folder);
        var servers = Path.Combine(folder, "mcp-servers.json");
        File.WriteAllText(servers, serverJson);
        var policy = Path.Combine(folder, "policy.yaml");
        File.WriteAllText(policy, Policy);
        return fixture.CreateHost(
            new Dictionary<string, string?>
            {
                ["FA_MCP_SERVERS"] = servers,
                ["FA_POLICY_PATH"] = policy,
                ["MCP_CALL_LOG"] = callLog,
            },
            s => s.AddSingleton<IPlanner, ScriptedPlanner>());
    }

    /// <summary>The allow-list and limits the tests use, for a server reached by <paramref name="transport"/> JSON.</summary>
    public static string Servers(string transport) => $$"""
        { "servers": [ { "name": "shop", {{transport}},
          "tools": {
            "lookup_order": { "timeoutMs": 20000, "costUsd": 0.002, "outputCapBytes": 4096 },
            "injected": { "timeoutMs": 20000, "costUsd": 0, "outputCapBytes": 4096 },
            "slow": { "timeoutMs": 300, "costUsd": 0, "outputCapBytes": 4096 },
            "big": { "timeoutMs": 20000, "costUsd": 0, "outputCapBytes": 1024 },
            "echo": { "timeoutMs": 20000, "costUsd": 0, "outputCapBytes": 4096 },
            "secret": { "timeoutMs": 20000, "costUsd": 0, "outputCapBytes": 4096 }
          } } ] }
        """;

    public static string Stdio() =>
        $$"""
        "transport": "stdio", "command": "dotnet", "args": [{{System.Text.Json.JsonSerializer.Serialize(McpTestServer.Dll)}}], "env": { "MCP_TEST_CALL_LOG": "MCP_CALL_LOG" }
        """;

    public static string Http(Uri url) => $$"""
        "transport": "http", "url": "{{url}}"
        """;
}
