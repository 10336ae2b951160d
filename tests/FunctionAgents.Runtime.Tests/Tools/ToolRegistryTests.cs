using System.Text.Json;
using FunctionAgents.Runtime.Tests.Tools.Fakes;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Tools;

public sealed class ToolRegistryTests
{
    private static StubTool Tool(string name, TimeSpan? timeout = null) =>
        new(name, (_, _) => Task.FromResult(JsonSerializer.SerializeToElement(new { ok = true })), timeout);

    [Fact]
    public void Constructor_DuplicateName_Throws()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => new ToolRegistry([Tool("search_docs"), Tool("search_docs")]));

        // Assert
        Assert.Contains("already registered", ex.Message);
    }

    [Fact]
    public void Constructor_NonPositiveTimeout_Throws()
    {
        // Act / Assert
        Assert.Throws<ArgumentException>(() => new ToolRegistry([Tool("slow", TimeSpan.Zero)]));
    }

    [Fact]
    public void TryGet_RegisteredName_ReturnsToolAndKeepsOrder()
    {
        // Arrange
        var registry = new ToolRegistry([Tool("b_tool"), Tool("a_tool")]);

        // Act
        var found = registry.TryGet("a_tool", out var tool);

        // Assert
        Assert.True(found);
        Assert.Equal("a_tool", tool!.Name);
        Assert.Equal(["b_tool", "a_tool"], registry.All.Select(t => t.Name));
        Assert.False(registry.TryGet("A_TOOL", out _));
    }

    [Fact]
    public void CreateRegistry_BuiltInTools_DeclareStrictSchemasAndConfiguredLimits()
    {
        // Arrange
        var options = new BuiltInToolOptions(SamplePaths.DocsFolder, "shop.db")
        {
            QuerySql = new ToolLimits(TimeSpan.FromSeconds(2), 0.003m, 1000),
        };

        // Act
        var registry = BuiltInTools.CreateRegistry(
            options, new InMemoryTicketStore(), new InMemoryEmailOutbox(), TimeProvider.System);

        // Assert
        Assert.Equal(["search_docs", "query_sql", "create_ticket", "send_email"], registry.All.Select(t => t.Name));
        Assert.True(registry.TryGet("query_sql", out var sql));
        Assert.Equal(TimeSpan.FromSeconds(2), sql.Timeout);
        Assert.Equal(0.003m, sql.CostPerCallUsd);
        Assert.True(registry.TryGet("search_docs", out var docs));
        Assert.Equal(0.0005m, docs.CostPerCallUsd);
        Assert.Equal(16 * 1024, docs.OutputCapBytes);
        foreach (var tool in registry.All)
        {
            AssertStrictSchema(tool);
        }
    }

    /// <summary>What OpenAI strict structured outputs require of a function's parameters.</summary>
    private static void AssertStrictSchema(ITool tool)
    {
        var schema = tool.InputSchema;
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.False, schema.GetProperty("additionalProperties").ValueKind);
        var required = schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            Assert.Contains(property.Name, required);
            Assert.False(string.IsNullOrWhiteSpace(property.Value.GetProperty("description").GetString()));
            foreach (var keyword in property.Value.EnumerateObject())
            {
                // minLength/maxLength are not accepted by strict mode; lengths are checked by the tools.
                Assert.DoesNotContain(keyword.Name, new[] { "minLength", "maxLength", "format", "default" });
            }
        }
    }
}
