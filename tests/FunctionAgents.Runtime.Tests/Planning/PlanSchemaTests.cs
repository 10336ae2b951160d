using System.Text.Json;
using FunctionAgents.Domain.Planning;

namespace FunctionAgents.Runtime.Tests.Planning;

public sealed class PlanSchemaTests
{
    [Fact]
    public void Build_EveryObject_ClosedWithAllPropertiesRequired()
    {
        var schema = PlanSchema.Build(FakeToolCatalog.Standard);

        foreach (var obj in ContractObjects(schema))
        {
            Assert.False(obj.GetProperty("additionalProperties").GetBoolean());
            var properties = obj.GetProperty("properties").EnumerateObject().Select(p => p.Name);
            var required = obj.GetProperty("required").EnumerateArray().Select(r => r.GetString());
            Assert.Equal(properties, required);
        }
    }

    [Fact]
    public void Build_RootFields_FollowTheContract()
    {
        var schema = PlanSchema.Build(FakeToolCatalog.Standard);

        var properties = schema.GetProperty("properties");
        Assert.Equal(["runId", "goal", "maxSteps", "budgetUsd", "steps", "stopConditions"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(PlanContract.MinMaxSteps, properties.GetProperty("maxSteps").GetProperty("minimum").GetInt32());
        Assert.Equal(PlanContract.MaxMaxSteps, properties.GetProperty("maxSteps").GetProperty("maximum").GetInt32());
        Assert.Equal(PlanContract.MinBudgetUsd, properties.GetProperty("budgetUsd").GetProperty("minimum").GetDecimal());
        Assert.Equal(PlanContract.MaxBudgetUsd, properties.GetProperty("budgetUsd").GetProperty("maximum").GetDecimal());
        Assert.Equal(1, properties.GetProperty("stopConditions").GetProperty("minItems").GetInt32());
    }

    [Fact]
    public void Build_StepItems_OneBranchPerToolWithItsInputSchema()
    {
        var tools = FakeToolCatalog.Standard;

        var schema = PlanSchema.Build(tools);

        var branches = schema.GetProperty("properties").GetProperty("steps").GetProperty("items").GetProperty("anyOf").EnumerateArray().ToList();
        Assert.Equal(tools.All.Select(t => t.Name), branches.Select(b => b.GetProperty("properties").GetProperty("tool").GetProperty("const").GetString()));
        foreach (var (tool, branch) in tools.All.Zip(branches))
        {
            var stepProperties = branch.GetProperty("properties");
            Assert.Equal(["id", "objective", "tool", "input", "successCriteria"], stepProperties.EnumerateObject().Select(p => p.Name));
            Assert.True(JsonElement.DeepEquals(tool.InputSchema, stepProperties.GetProperty("input")));
            Assert.Equal(PlanContract.MinStepTextLength, stepProperties.GetProperty("objective").GetProperty("minLength").GetInt32());
        }
    }

    [Fact]
    public void Build_Strict_OmitsUnsupportedKeywordsEverywhere()
    {
        var schema = PlanSchema.Build(FakeToolCatalog.Standard, strict: true);

        var keywords = SchemaKeywords(schema).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(keywords, PlanSchema.StrictOmittedKeywords.Contains);
        Assert.DoesNotContain("const", keywords);
        Assert.Contains("enum", keywords);
    }

    [Fact]
    public void Build_Strict_KeepsPropertiesNamedLikeKeywords()
    {
        var catalog = new FakeToolCatalog(new FakeTool("lookup", """
            {"type":"object","additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1}}}
            """));

        var schema = PlanSchema.Build(catalog, strict: true);

        var input = schema.GetProperty("properties").GetProperty("steps").GetProperty("items").GetProperty("anyOf")[0]
            .GetProperty("properties").GetProperty("input");
        var pattern = input.GetProperty("properties").GetProperty("pattern");
        Assert.Equal("""{"type":"string"}""", pattern.GetRawText());
    }

    [Fact]
    public void Build_NotStrict_KeepsEveryLimit()
    {
        var schema = PlanSchema.Build(FakeToolCatalog.Standard);

        var keywords = SchemaKeywords(schema).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems", "const"]), keywords);
    }

    [Fact]
    public void Build_EmptyCatalog_Throws()
    {
        Assert.Throws<ArgumentException>(() => PlanSchema.Build(new FakeToolCatalog()));
    }

    [Fact]
    public void Build_SameCatalog_SameSchemaText()
    {
        var first = PlanSchema.Build(FakeToolCatalog.Standard).GetRawText();
        var second = PlanSchema.Build(FakeToolCatalog.Standard).GetRawText();

        Assert.Equal(first, second);
    }

    private static IEnumerable<JsonElement> ContractObjects(JsonElement schema)
    {
        yield return schema;
        foreach (var branch in schema.GetProperty("properties").GetProperty("steps").GetProperty("items").GetProperty("anyOf").EnumerateArray())
        {
            yield return branch;
        }
    }

    /// <summary>Keyword names at schema positions (not property names under <c>properties</c>).</summary>
    private static IEnumerable<string> SchemaKeywords(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            yield return keyword.Name;
            IEnumerable<JsonElement> children = keyword.Name switch
            {
                "properties" => keyword.Value.EnumerateObject().Select(p => p.Value),
                "items" or "additionalProperties" => [keyword.Value],
                "anyOf" => keyword.Value.EnumerateArray(),
                _ => [],
            };
            foreach (var name in children.SelectMany(SchemaKeywords))
            {
                yield return name;
            }
        }
    }
}
