using System.Text.Json.Nodes;
using System.Text.Json;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Schema;
using static FunctionAgents.Runtime.Tests.Planning.PlanDocuments;

namespace FunctionAgents.Runtime.Tests.Planning;

/// <summary>The generated schema and the validator come from one definition; these documents prove they agree.</summary>
public sealed class PlanContractDriftTests
{
    private static readonly FakeToolCatalog Tools = FakeToolCatalog.Standard;

    public static TheoryData<string> InvalidNames() => [.. SchemaExpressibleInvalid().Select(c => c.Name)];

    public static TheoryData<string> ValidNames() => [.. ValidDocuments().Keys];

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void SchemaAndValidator_InvalidDocument_BothReject(string name)
    {
        var document = Parse(SchemaExpressibleInvalid().Single(c => c.Name == name).Build());

        var schemaViolations = JsonSchemaValidator.Validate(PlanSchema.Build(Tools), document);
        var validation = PlanValidator.Validate(document, Tools);

        Assert.NotEmpty(schemaViolations);
        Assert.False(validation.IsValid);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void SchemaAndValidator_InvalidDocument_AgreeOnWhere(string name)
    {
        var document = Parse(SchemaExpressibleInvalid().Single(c => c.Name == name).Build());

        var schemaPaths = JsonSchemaValidator.Validate(PlanSchema.Build(Tools), document).Select(v => v.Path);
        var validatorPaths = PlanValidator.Validate(document, Tools).Violations.Select(v => v.Path);

        // The schema may add an anyOf summary at the step, but every validator finding must show up there too.
        Assert.Subset(schemaPaths.ToHashSet(StringComparer.Ordinal), validatorPaths.ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void SchemaAndValidator_ValidDocument_BothAccept(string name)
    {
        var document = Parse(ValidDocuments()[name]);

        var schemaViolations = JsonSchemaValidator.Validate(PlanSchema.Build(Tools), document);
        var strictViolations = JsonSchemaValidator.Validate(PlanSchema.Build(Tools, strict: true), document);
        var validation = PlanValidator.Validate(document, Tools);

        Assert.Empty(schemaViolations);
        Assert.Empty(strictViolations);
        Assert.True(validation.IsValid);
    }

    [Fact]
    public void Validator_RulesBeyondTheSchema_OnlyValidatorRejects()
    {
        var tooMany = Plan(("s1", "search_docs", ValidInputs["search_docs"]), ("s2", "query_sql", ValidInputs["query_sql"]));
        tooMany["maxSteps"] = 1;
        var duplicateIds = Plan(("s1", "search_docs", ValidInputs["search_docs"]), ("s1", "query_sql", ValidInputs["query_sql"]));
        var forwardReference = Plan(("s1", "query_sql", """{"sql":"{{steps.s2.output.sql}}"}"""), ("s2", "query_sql", ValidInputs["query_sql"]));

        foreach (var plan in new[] { tooMany, duplicateIds, forwardReference })
        {
            var document = Parse(plan);

            Assert.Empty(JsonSchemaValidator.Validate(PlanSchema.Build(Tools), document));
            Assert.False(PlanValidator.Validate(document, Tools).IsValid);
        }
    }

    private static Dictionary<string, JsonObject> ValidDocuments()
    {
        var documents = ValidInputs.Keys.ToDictionary(tool => "one " + tool, tool => SingleStep(tool));
        documents["all four tools"] = Plan(ValidInputs.Select((p, i) => ($"s{i + 1}", p.Key, p.Value)).ToArray());
        documents["limits at the edges"] = With(SingleStep(), p =>
        {
            p["maxSteps"] = 20;
            p["budgetUsd"] = 10;
            Step(p, 0)["objective"] = "Find!";
        });
        documents["smallest budget"] = With(SingleStep(), p => p["budgetUsd"] = 0.01m);
        documents["optional tool field absent"] = With(SingleStep(), p => Step(p, 0)["input"] = JsonNode.Parse("""{"query":"refunds"}"""));
        return documents;
    }

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
