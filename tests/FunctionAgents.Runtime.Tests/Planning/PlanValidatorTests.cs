using System.Text.Json.Nodes;
using System.Text.Json;
using FunctionAgents.Domain.Planning;
using static FunctionAgents.Runtime.Tests.Planning.PlanDocuments;

namespace FunctionAgents.Runtime.Tests.Planning;

public sealed class PlanValidatorTests
{
    private static readonly FakeToolCatalog Tools = FakeToolCatalog.Standard;

    private static PlanValidationResult Validate(JsonNode plan) => PlanValidator.Validate(plan.ToJsonString(), Tools);

    [Theory]
    [InlineData("search_docs")]
    [InlineData("query_sql")]
    [InlineData("create_ticket")]
    [InlineData("send_email")]
    public void Validate_ValidPlanForEachTool_ReturnsPlan(string tool)
    {
        var result = Validate(SingleStep(tool));

        Assert.True(result.IsValid);
        Assert.Empty(result.Violations);
        var step = Assert.Single(result.Plan.Steps);
        Assert.Equal(tool, step.Tool);
        Assert.Equal("s1", step.Id);
        Assert.Equal(JsonValueKind.Object, step.Input.ValueKind);
    }

    [Fact]
    public void Validate_ValidPlan_DeserializesEveryField()
    {
        var result = Validate(Plan(("s1", "query_sql", ValidInputs["query_sql"]), ("s2", "send_email", ValidInputs["send_email"])));

        Assert.True(result.IsValid);
        var plan = result.Plan;
        Assert.Equal("run-0001", plan.RunId);
        Assert.Equal("Handle a damaged parcel complaint", plan.Goal);
        Assert.Equal(5, plan.MaxSteps);
        Assert.Equal(0.5m, plan.BudgetUsd);
        Assert.Equal(["s1", "s2"], plan.Steps.Select(s => s.Id));
        Assert.Equal("Run query_sql for the customer", plan.Steps[0].Objective);
        Assert.Equal("The tool returns a result", plan.Steps[0].SuccessCriteria);
        Assert.Equal("ops@kestrelgoods.example", plan.Steps[1].Input.GetProperty("to").GetString());
        Assert.Equal(["the customer has been answered"], plan.StopConditions);
    }

    [Fact]
    public void Validate_WholeNumberWrittenWithFraction_IsAcceptedAsInteger()
    {
        var json = SingleStep().ToJsonString().Replace("\"maxSteps\":5", "\"maxSteps\":5.0", StringComparison.Ordinal);

        var result = PlanValidator.Validate(json, Tools);

        Assert.True(result.IsValid);
        Assert.Equal(5, result.Plan.MaxSteps);
    }

    [Fact]
    public void Validate_ParsedElement_MatchesTextOverload()
    {
        using var document = JsonDocument.Parse(SingleStep().ToJsonString());

        var result = PlanValidator.Validate(document.RootElement, Tools);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_PlanOutlivesDocument_InputStaysReadable()
    {
        var result = Validate(SingleStep("send_email"));

        Assert.True(result.IsValid);
        Assert.Equal("Damaged parcel", result.Plan.Steps[0].Input.GetProperty("subject").GetString());
    }

    [Fact]
    public void Validate_SchemaExpressibleViolations_EachReportedAtItsPath()
    {
        foreach (var (name, path, build) in SchemaExpressibleInvalid())
        {
            var result = Validate(build());

            Assert.False(result.IsValid, name);
            Assert.Null(result.Plan);
            Assert.True(result.Violations.Any(v => v.Path == path), $"{name}: expected a violation at {path}, got {Describe(result)}");
        }
    }

    [Theory]
    [InlineData(0, "must be greater than or equal to 1, got 0")]
    [InlineData(21, "must be less than or equal to 20, got 21")]
    public void Validate_MaxStepsOutOfRange_ExplainsBound(int maxSteps, string message)
    {
        var result = Validate(With(SingleStep(), p => p["maxSteps"] = maxSteps));

        Assert.Equal(new PlanViolation("$.maxSteps", message), Assert.Single(result.Violations));
    }

    [Fact]
    public void Validate_MoreStepsThanMaxSteps_Rejected()
    {
        var plan = Plan(("s1", "search_docs", ValidInputs["search_docs"]), ("s2", "query_sql", ValidInputs["query_sql"]));
        plan["maxSteps"] = 1;

        var result = Validate(plan);

        Assert.Equal(new PlanViolation("$.steps", "has 2 steps, more than maxSteps (1)"), Assert.Single(result.Violations));
    }

    [Fact]
    public void Validate_DuplicateStepIds_PointsAtTheRepeat()
    {
        var plan = Plan(
            ("s1", "search_docs", ValidInputs["search_docs"]),
            ("s2", "query_sql", ValidInputs["query_sql"]),
            ("s1", "send_email", ValidInputs["send_email"]));

        var result = Validate(plan);

        Assert.Equal(
            new PlanViolation("$.steps[2].id", "duplicate step id 's1' (already used by $.steps[0])"),
            Assert.Single(result.Violations));
    }

    [Fact]
    public void Validate_ShortObjectiveAndCriteria_BothReported()
    {
        var plan = SingleStep();
        Step(plan, 0)["objective"] = "Find";
        Step(plan, 0)["successCriteria"] = "";

        var result = Validate(plan);

        Assert.Equal(
            [
                new PlanViolation("$.steps[0].objective", "must be at least 5 characters long, got 4"),
                new PlanViolation("$.steps[0].successCriteria", "must be at least 5 characters long, got 0"),
            ],
            result.Violations);
    }

    [Fact]
    public void Validate_UnregisteredTool_NamesTheRegisteredOnes()
    {
        var result = Validate(With(SingleStep(), p => Step(p, 0)["tool"] = "drop_tables"));

        var violation = Assert.Single(result.Violations);
        Assert.Equal("$.steps[0].tool", violation.Path);
        Assert.Equal("'drop_tables' is not a registered tool (registered: search_docs, query_sql, create_ticket, send_email)", violation.Message);
    }

    [Theory]
    [InlineData("\"SELECT 1\"", "must be an object, got a string")]
    [InlineData("[]", "must be an object, got an array")]
    [InlineData("null", "must be an object, got null")]
    public void Validate_InputNotAnObject_Rejected(string input, string message)
    {
        var result = Validate(With(SingleStep("query_sql"), p => Step(p, 0)["input"] = JsonNode.Parse(input)));

        Assert.Equal(new PlanViolation("$.steps[0].input", message), Assert.Single(result.Violations));
    }

    [Fact]
    public void Validate_InputAgainstToolSchema_ReportsEveryProblem()
    {
        var plan = With(SingleStep("create_ticket"), p => Step(p, 0)["input"] = JsonNode.Parse("""{"title":"x","priority":"asap","tags":[]}"""));

        var result = Validate(plan);

        Assert.Equal(
            [
                new PlanViolation("$.steps[0].input.body", "required property 'body' is missing"),
                new PlanViolation("$.steps[0].input.title", "must be at least 3 characters long, got 1"),
                new PlanViolation("$.steps[0].input.priority", "must be one of [\"low\",\"normal\",\"high\",\"urgent\"], got \"asap\""),
                new PlanViolation("$.steps[0].input.tags", "unknown property 'tags' is not allowed"),
            ],
            result.Violations);
    }

    [Fact]
    public void Validate_NoStopConditions_Rejected()
    {
        var result = Validate(With(SingleStep(), p => p["stopConditions"] = new JsonArray()));

        Assert.Equal(new PlanViolation("$.stopConditions", "must have at least 1 item, got 0"), Assert.Single(result.Violations));
    }

    [Fact]
    public void Validate_UnknownProperties_RejectedAtEveryLevel()
    {
        var plan = SingleStep();
        plan["confidence"] = 0.9;
        Step(plan, 0)["retries"] = 2;

        var result = Validate(plan);

        Assert.Equal(
            [
                new PlanViolation("$.confidence", "unknown property 'confidence' is not allowed"),
                new PlanViolation("$.steps[0].retries", "unknown property 'retries' is not allowed"),
            ],
            result.Violations.OrderBy(v => v.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_MissingProperties_EachReported()
    {
        var plan = SingleStep();
        plan.Remove("runId");
        Step(plan, 0).Remove("tool");

        var result = Validate(plan);

        Assert.Equal(
            [
                new PlanViolation("$.runId", "required property 'runId' is missing"),
                new PlanViolation("$.steps[0].tool", "required property 'tool' is missing"),
            ],
            result.Violations);
    }

    [Fact]
    public void Validate_RepeatedProperty_Rejected()
    {
        var json = SingleStep().ToJsonString().Replace("\"goal\":", "\"goal\":\"first\",\"goal\":", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        var result = PlanValidator.Validate(document.RootElement, Tools);

        Assert.Equal(new PlanViolation("$.goal", "property 'goal' appears more than once"), Assert.Single(result.Violations));
    }

    [Fact]
    public void Validate_RepeatedPropertyInText_RejectedAsInvalidJson()
    {
        var json = SingleStep().ToJsonString().Replace("\"goal\":", "\"goal\":\"first\",\"goal\":", StringComparison.Ordinal);

        var result = PlanValidator.Validate(json, Tools);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("$", violation.Path);
        Assert.StartsWith("is not valid JSON", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"runId\":")]
    [InlineData("Here is the plan: {}")]
    public void Validate_NotJson_SingleRootViolation(string text)
    {
        var result = PlanValidator.Validate(text, Tools);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("$", violation.Path);
        Assert.StartsWith("is not valid JSON", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RootNotObject_Rejected()
    {
        var result = PlanValidator.Validate("[1,2]", Tools);

        Assert.Equal(new PlanViolation("$", "a plan must be a JSON object, got an array"), Assert.Single(result.Violations));
    }

    [Fact]
    public void Validate_ManyProblems_AllReportedAtOnce()
    {
        var plan = Plan(("s1", "search_docs", ValidInputs["search_docs"]), ("s1", "nope", "\"x\""));
        plan["maxSteps"] = 1;
        plan["budgetUsd"] = 0;
        plan["stopConditions"] = new JsonArray();
        Step(plan, 0)["objective"] = "x";
        plan["extra"] = true;

        var result = Validate(plan);

        Assert.Equal(
            ["$.budgetUsd", "$.extra", "$.steps", "$.steps[0].objective", "$.steps[1].id", "$.steps[1].input", "$.steps[1].tool", "$.stopConditions"],
            result.Violations.Select(v => v.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_ReferenceToEarlierStep_AcceptedEvenInPatternAndEnumFields()
    {
        var plan = Plan(
            ("s1", "query_sql", ValidInputs["query_sql"]),
            ("s2", "create_ticket", """{"title":"Refund {{steps.s1.output.rows[0].id}}","body":"b","priority":"{{steps.s1.output.rows[0].priority}}"}"""),
            ("s3", "send_email", """{"to":"{{steps.s1.output.rows[0].email}}","subject":"Your refund","body":"Ticket {{ steps.s2.output.ticketId }}"}"""));

        var result = Validate(plan);

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Validate_ReferenceToLaterOrUnknownStep_Rejected()
    {
        var plan = Plan(
            ("s1", "send_email", """{"to":"{{steps.s2.output.email}}","subject":"{{steps.s1.output.x}}","body":"{{steps.zz.output}}"}"""),
            ("s2", "query_sql", ValidInputs["query_sql"]));

        var result = Validate(plan);

        Assert.Equal(
            [
                new PlanViolation("$.steps[0].input.to", "refers to step 's2', which is not an earlier step of this plan"),
                new PlanViolation("$.steps[0].input.subject", "refers to step 's1', which is not an earlier step of this plan"),
                new PlanViolation("$.steps[0].input.body", "refers to step 'zz', which is not an earlier step of this plan"),
            ],
            result.Violations);
    }

    [Fact]
    public void Validate_ReferenceWhereIntegerExpected_Rejected()
    {
        var plan = Plan(
            ("s1", "query_sql", ValidInputs["query_sql"]),
            ("s2", "search_docs", """{"query":"refunds","top_k":"{{steps.s1.output.count}}"}"""));

        var result = Validate(plan);

        Assert.Equal(new PlanViolation("$.steps[1].input.top_k", "must be an integer, got a string"), Assert.Single(result.Violations));
    }

    [Fact]
    public void Validate_BracesThatAreNotAReference_CheckedAsPlainText()
    {
        var plan = With(SingleStep("send_email"), p => Step(p, 0)["input"]!["to"] = "{{customer.email}}");

        var result = Validate(plan);

        Assert.Equal("$.steps[0].input.to", Assert.Single(result.Violations).Path);
    }

    [Fact]
    public void Validate_RepeatedPropertyInsideInput_Rejected()
    {
        var json = SingleStep("query_sql").ToJsonString().Replace("{\"sql\":", "{\"sql\":\"SELECT 1\",\"sql\":", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        var result = PlanValidator.Validate(document.RootElement, Tools);

        Assert.Contains(new PlanViolation("$.steps[0].input.sql", "property 'sql' appears more than once"), result.Violations);
    }

    private static string Describe(PlanValidationResult result) =>
        string.Join("; ", result.Violations.Select(v => $"{v.Path}: {v.Message}"));
}
