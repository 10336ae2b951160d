using System.Text.Json;
using FunctionAgents.Domain.Schema;

namespace FunctionAgents.Domain.Tests.Schema;

public sealed class JsonSchemaValidatorTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static IReadOnlyList<SchemaViolation> Check(string schema, string instance) =>
        JsonSchemaValidator.Validate(Json(schema), Json(instance));

    [Theory]
    [InlineData("string", "\"x\"")]
    [InlineData("integer", "3")]
    [InlineData("integer", "3.0")]
    [InlineData("number", "3.5")]
    [InlineData("number", "3")]
    [InlineData("boolean", "false")]
    [InlineData("object", "{}")]
    [InlineData("array", "[]")]
    [InlineData("null", "null")]
    public void Validate_TypeMatches_NoViolations(string type, string instance)
    {
        var violations = Check($$"""{"type":"{{type}}"}""", instance);

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("string", "1", "must be a string, got an integer")]
    [InlineData("integer", "3.5", "must be an integer, got a number")]
    [InlineData("number", "\"3\"", "must be a number, got a string")]
    [InlineData("boolean", "0", "must be a boolean, got an integer")]
    [InlineData("object", "[]", "must be an object, got an array")]
    [InlineData("array", "{}", "must be an array, got an object")]
    [InlineData("null", "false", "must be null, got a boolean")]
    public void Validate_TypeMismatch_ReportsExpectedAndActual(string type, string instance, string message)
    {
        var violations = Check($$"""{"type":"{{type}}"}""", instance);

        var violation = Assert.Single(violations);
        Assert.Equal("$", violation.Path);
        Assert.Equal(message, violation.Message);
    }

    [Fact]
    public void Validate_TypeList_AcceptsAnyListedType()
    {
        const string Schema = """{"type":["string","null"]}""";

        Assert.Empty(Check(Schema, "null"));
        Assert.Empty(Check(Schema, "\"a\""));
        Assert.Equal("must be one of string, null, got an integer", Assert.Single(Check(Schema, "1")).Message);
    }

    [Fact]
    public void Validate_UnknownTypeName_ReportsInvalidSchema()
    {
        var violation = Assert.Single(Check("""{"type":"text"}""", "\"a\""));

        Assert.Contains("invalid schema: unknown type 'text'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NestedObject_ReportsEveryViolationWithPaths()
    {
        const string Schema = """
            {"type":"object","required":["to","subject"],"additionalProperties":false,
             "properties":{"to":{"type":"string","minLength":3},"subject":{"type":"string"},
               "meta":{"type":"object","properties":{"tags":{"type":"array","items":{"type":"string"}}}}}}
            """;

        var violations = Check(Schema, """{"to":"x","extra":1,"meta":{"tags":["a",2,"b",false]}}""");

        Assert.Equal(
            [
                new SchemaViolation("$.subject", "required property 'subject' is missing"),
                new SchemaViolation("$.to", "must be at least 3 characters long, got 1"),
                new SchemaViolation("$.extra", "unknown property 'extra' is not allowed"),
                new SchemaViolation("$.meta.tags[1]", "must be a string, got an integer"),
                new SchemaViolation("$.meta.tags[3]", "must be a string, got a boolean"),
            ],
            violations);
    }

    [Fact]
    public void Validate_CustomRootPath_PrefixesEveryPath()
    {
        var violations = JsonSchemaValidator.Validate(
            Json("""{"properties":{"to":{"type":"string"}}}"""), Json("""{"to":1}"""), "$.steps[2].input");

        Assert.Equal("$.steps[2].input.to", Assert.Single(violations).Path);
    }

    [Fact]
    public void Validate_PropertyNameNeedingQuotes_UsesBracketPath()
    {
        var violations = Check("""{"additionalProperties":false}""", """{"odd key":1,"it's":2}""");

        Assert.Equal(["$['odd key']", "$['it\\'s']"], violations.Select(v => v.Path));
    }

    [Fact]
    public void Validate_AdditionalPropertiesSchema_ValidatesExtraProperties()
    {
        const string Schema = """{"properties":{"a":{"type":"string"}},"additionalProperties":{"type":"integer"}}""";

        var violations = Check(Schema, """{"a":"x","b":1,"c":"no"}""");

        Assert.Equal(new SchemaViolation("$.c", "must be an integer, got a string"), Assert.Single(violations));
    }

    [Fact]
    public void Validate_AdditionalPropertiesAbsent_AllowsExtraProperties()
    {
        Assert.Empty(Check("""{"properties":{"a":{"type":"string"}}}""", """{"b":1}"""));
    }

    [Theory]
    [InlineData("\"low\"", true)]
    [InlineData("\"LOW\"", false)]
    [InlineData("1.0", true)]
    [InlineData("{\"k\":[1,2]}", true)]
    [InlineData("{\"k\":[2,1]}", false)]
    [InlineData("null", false)]
    public void Validate_Enum_ComparesJsonValues(string instance, bool valid)
    {
        const string Schema = """{"enum":["low","normal",1,{"k":[1,2]}]}""";

        var violations = Check(Schema, instance);

        Assert.Equal(valid, violations.Count == 0);
    }

    [Fact]
    public void Validate_EnumMismatch_ListsAllowedValues()
    {
        var violation = Assert.Single(Check("""{"enum":["low","high"]}""", "\"mid\""));

        Assert.Equal("must be one of [\"low\",\"high\"], got \"mid\"", violation.Message);
    }

    [Theory]
    [InlineData("\"send_email\"", true)]
    [InlineData("\"search_docs\"", false)]
    [InlineData("1", false)]
    public void Validate_Const_RequiresExactValue(string instance, bool valid)
    {
        var violations = Check("""{"const":"send_email"}""", instance);

        Assert.Equal(valid, violations.Count == 0);
    }

    [Theory]
    [InlineData("\"abc\"", 0)]
    [InlineData("\"ab\"", 1)]
    [InlineData("\"abcdef\"", 1)]
    [InlineData("\"😀😀😀\"", 0)]
    public void Validate_StringLength_CountsCodePoints(string instance, int expectedViolations)
    {
        var violations = Check("""{"minLength":3,"maxLength":5}""", instance);

        Assert.Equal(expectedViolations, violations.Count);
    }

    [Theory]
    [InlineData("\"ann@kestrelgoods.example\"", true)]
    [InlineData("\"not an email\"", false)]
    public void Validate_Pattern_IsUnanchoredRegex(string instance, bool valid)
    {
        var violations = Check("""{"pattern":"@[a-z.]+$"}""", instance);

        Assert.Equal(valid, violations.Count == 0);
    }

    [Fact]
    public void Validate_PatternMismatch_NamesThePattern()
    {
        var violation = Assert.Single(Check("""{"pattern":"^[0-9]+$"}""", "\"12a\""));

        Assert.Equal("must match the pattern '^[0-9]+$'", violation.Message);
    }

    [Fact]
    public void Validate_InvalidPattern_ReportsInvalidSchema()
    {
        var violation = Assert.Single(Check("""{"pattern":"(unclosed"}""", "\"x\""));

        Assert.StartsWith("invalid schema: pattern '(unclosed'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CatastrophicPattern_TimesOutAsViolation()
    {
        var input = new string('a', 40) + "!";

        var violation = Assert.Single(Check("""{"pattern":"^(a+)+$"}""", JsonSerializer.Serialize(input)));

        Assert.Contains("in time", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 0)]
    [InlineData("10", 0)]
    [InlineData("0.99", 1)]
    [InlineData("10.01", 1)]
    public void Validate_InclusiveBounds_AllowEdges(string instance, int expectedViolations)
    {
        var violations = Check("""{"minimum":1,"maximum":10}""", instance);

        Assert.Equal(expectedViolations, violations.Count);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 1)]
    [InlineData("5", 0)]
    public void Validate_ExclusiveBounds_RejectEdges(string instance, int expectedViolations)
    {
        var violations = Check("""{"exclusiveMinimum":1,"exclusiveMaximum":10}""", instance);

        Assert.Equal(expectedViolations, violations.Count);
    }

    [Fact]
    public void Validate_BelowMinimum_ExplainsBound()
    {
        var violation = Assert.Single(Check("""{"minimum":0.01}""", "0"));

        Assert.Equal("must be greater than or equal to 0.01, got 0", violation.Message);
    }

    [Fact]
    public void Validate_ItemCounts_ReportsBothBounds()
    {
        const string Schema = """{"minItems":2,"maxItems":3}""";

        Assert.Equal("must have at least 2 items, got 1", Assert.Single(Check(Schema, "[1]")).Message);
        Assert.Equal("must have at most 3 items, got 4", Assert.Single(Check(Schema, "[1,2,3,4]")).Message);
        Assert.Empty(Check(Schema, "[1,2]"));
    }

    [Fact]
    public void Validate_AnyOfMatchingBranch_NoViolations()
    {
        Assert.Empty(Check("""{"anyOf":[{"type":"string"},{"type":"integer"}]}""", "5"));
    }

    [Fact]
    public void Validate_AnyOfNoMatch_ReportsClosestBranch()
    {
        const string Schema = """
            {"anyOf":[
              {"type":"object","required":["a","b"]},
              {"type":"object","required":["a"],"properties":{"a":{"type":"integer"}}}]}
            """;

        var violations = Check(Schema, """{"a":"x"}""");

        Assert.Equal(2, violations.Count);
        Assert.Equal("$", violations[0].Path);
        Assert.Contains("closest is alternative 1", violations[0].Message, StringComparison.Ordinal);
        Assert.Equal(new SchemaViolation("$.b", "required property 'b' is missing"), violations[1]);
    }

    [Fact]
    public void Validate_BooleanSchemas_AcceptOrRejectEverything()
    {
        Assert.Empty(Check("true", """{"a":1}"""));
        Assert.Equal("no value is allowed here", Assert.Single(Check("false", "1")).Message);
    }

    [Fact]
    public void Validate_UnknownAndAnnotationKeywords_AreIgnored()
    {
        const string Schema = """{"title":"T","description":"D","format":"email","x-custom":{"type":"integer"},"type":"string"}""";

        Assert.Empty(Check(Schema, "\"not-an-email\""));
    }

    [Theory]
    [InlineData("""{"minLength":"3"}""", "\"x\"", "'minLength' must be a non-negative integer")]
    [InlineData("""{"minimum":"3"}""", "1", "'minimum' must be a number")]
    [InlineData("""{"enum":"a"}""", "\"a\"", "'enum' must be an array")]
    [InlineData("""{"required":"a"}""", "{}", "'required' must be an array of property names")]
    [InlineData("""{"anyOf":[]}""", "1", "'anyOf' must be a non-empty array")]
    [InlineData("3", "1", "a schema must be an object or a boolean")]
    public void Validate_MalformedKeyword_ReportsInvalidSchema(string schema, string instance, string message)
    {
        var violation = Assert.Single(Check(schema, instance));

        Assert.Equal("invalid schema: " + message, violation.Message);
    }

    [Fact]
    public void Validate_DeferredString_SkipsValueChecksButNotType()
    {
        const string Schema = """{"properties":{"p":{"type":"string","enum":["low"],"pattern":"^x$","maxLength":2},"n":{"type":"integer"}}}""";
        static bool Deferred(string s) => s.StartsWith("{{", StringComparison.Ordinal);

        var violations = JsonSchemaValidator.Validate(Json(Schema), Json("""{"p":"{{ref}}","n":"{{ref}}"}"""), "$", Deferred);

        Assert.Equal(new SchemaViolation("$.n", "must be an integer, got a string"), Assert.Single(violations));
    }
}
