using FunctionAgents.Mcp.Client;

namespace FunctionAgents.Host.Tests.Mcp;

public sealed class McpServersFileTests
{
    [Fact]
    public void Parse_BothTransports_ReadsTheAllowListAndLimits()
    {
        // Act
        var servers = McpServersFile.Parse(
            """
            { "servers": [
              { "name": "shop", "transport": "stdio", "command": "dotnet", "args": ["a.dll"], "env": { "DB": "SHOP_DB" },
                "tools": { "lookup_order": { "timeoutMs": 1500, "costUsd": 0.01, "outputCapBytes": 2048 } } },
              { "name": "crm", "transport": "http", "url": "https://crm.example/mcp", "headers": { "Authorization": "CRM_AUTH" },
                "tools": { "find": { "timeoutMs": 100, "costUsd": 0, "outputCapBytes": 64 } } } ] }
            """,
            "servers.json");

        // Assert
        Assert.Equal(["shop", "crm"], servers.Select(s => s.Name));
        Assert.Equal(McpTransportKind.Stdio, servers[0].Transport);
        Assert.Equal(["a.dll"], servers[0].Arguments);
        Assert.Equal("SHOP_DB", servers[0].Environment["DB"]);
        Assert.Equal(new McpToolSettings(TimeSpan.FromMilliseconds(1500), 0.01m, 2048), servers[0].Tools["lookup_order"]);
        Assert.Equal(new Uri("https://crm.example/mcp"), servers[1].Url);
        Assert.Equal("CRM_AUTH", servers[1].Headers["Authorization"]);
    }

    [Theory]
    [InlineData("""{ "servers": {} }""", "servers must be an array")]
    [InlineData("""{ "servers": [ { "name": "a.b", "transport": "stdio", "command": "x", "tools": { "t": { "timeoutMs": 1, "costUsd": 0, "outputCapBytes": 64 } } } ] }""", "servers[0].name must be")]
    [InlineData("""{ "servers": [ { "name": "a", "transport": "ftp", "tools": {} } ] }""", "servers[0].transport must be 'stdio' or 'http'")]
    [InlineData("""{ "servers": [ { "name": "a", "transport": "http", "url": "file:///x", "tools": {} } ] }""", "servers[0].url must be an absolute http(s) URL")]
    [InlineData("""{ "servers": [ { "name": "a", "transport": "stdio", "command": "x", "tools": {} } ] }""", "servers[0].tools must name at least one allowed tool")]
    [InlineData("""{ "servers": [ { "name": "a", "transport": "stdio", "command": "x", "tools": { "t": { "costUsd": 0, "outputCapBytes": 64 } } } ] }""", "servers[0].tools.t.timeoutMs is required")]
    [InlineData("""{ "servers": [ { "name": "a", "transport": "stdio", "command": "x", "tools": { "t": { "timeoutMs": 1, "costUsd": 0, "outputCapBytes": 8 } } } ] }""", "servers[0].tools.t.outputCapBytes must be between 64")]
    [InlineData("""{ "servers": [ { "name": "a", "transport": "stdio", "command": "x", "retries": 3, "tools": {} } ] }""", "servers[0].retries is not a known field")]
    public void Parse_BadFile_NamesTheField(string json, string expected)
    {
        // Act
        var error = Assert.Throws<FormatException>(() => McpServersFile.Parse(json, "servers.json"));

        // Assert
        Assert.StartsWith("FA_MCP_SERVERS (servers.json): ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
