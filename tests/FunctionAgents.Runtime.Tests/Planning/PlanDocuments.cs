using System.Text.Json.Nodes;

namespace FunctionAgents.Runtime.Tests.Planning;

/// <summary>Plan JSON for tests: a valid plan per tool, and named ways of breaking one.</summary>
internal static class PlanDocuments
{
    public static readonly IReadOnlyDictionary<string, string> ValidInputs = new Dictionary<string, string>
    {
        ["search_docs"] = """{"query":"return policy for damaged goods","top_k":3}""",
        ["query_sql"] = """{"sql":"SELECT id, email FROM customers WHERE id = 42"}""",
        ["create_ticket"] = """{"title":"Damaged parcel","body":"Customer 42 got a broken kettle.","priority":"high"}""",
        ["send_email"] = """{"to":"ops@kestrelgoods.example","subject":"Damaged parcel","body":"See ticket."}""",
    };

    public static JsonObject Plan(params (string Id, string Tool, string Input)[] steps)
    {
        var stepArray = new JsonArray();
        foreach (var (id, tool, input) in steps)
        {
            stepArray.Add(new JsonObject
            {
                ["id"] = id,
                ["objective"] = $"Run {tool} for the customer",
                ["tool"] = tool,
                ["input"] = JsonNode.Parse(input),
                ["successCriteria"] = "The tool returns a result",
            });
        }

        return new JsonObject
        {
            ["runId"] = "run-0001",
            ["goal"] = "Handle a damaged parcel complaint",
            ["maxSteps"] = 5,
            ["budgetUsd"] = 0.5m,
            ["steps"] = stepArray,
            ["stopConditions"] = new JsonArray("the customer has been answered"),
        };
    }

    public static JsonObject SingleStep(string tool = "search_docs") => Plan(("s1", tool, ValidInputs[tool]));

    public static JsonObject Step(JsonObject plan, int index) => plan["steps"]![index]!.AsObject();

    /// <summary>
    /// Broken plans that the generated schema can also express: each must be rejected by both the schema
    /// and the validator (the drift test), with the validator reporting the given path.
    /// </summary>
    public static IEnumerable<(string Name, string Path, Func<JsonObject> Build)> SchemaExpressibleInvalid()
    {
        yield return ("maxSteps zero", "$.maxSteps", () => With(SingleStep(), p => p["maxSteps"] = 0));
        yield return ("maxSteps 21", "$.maxSteps", () => With(SingleStep(), p => p["maxSteps"] = 21));
        yield return ("maxSteps fractional", "$.maxSteps", () => With(SingleStep(), p => p["maxSteps"] = 2.5m));
        yield return ("budget too small", "$.budgetUsd", () => With(SingleStep(), p => p["budgetUsd"] = 0.001m));
        yield return ("budget too large", "$.budgetUsd", () => With(SingleStep(), p => p["budgetUsd"] = 10.01m));
        yield return ("budget is a string", "$.budgetUsd", () => With(SingleStep(), p => p["budgetUsd"] = "1"));
        yield return ("no steps", "$.steps", () => With(SingleStep(), p => p["steps"] = new JsonArray()));
        yield return ("objective too short", "$.steps[0].objective", () => With(SingleStep(), p => Step(p, 0)["objective"] = "Find"));
        yield return ("criteria too short", "$.steps[0].successCriteria", () => With(SingleStep(), p => Step(p, 0)["successCriteria"] = "ok"));
        yield return ("unregistered tool", "$.steps[0].tool", () => With(SingleStep(), p => Step(p, 0)["tool"] = "delete_everything"));
        yield return ("input is a string", "$.steps[0].input", () => With(SingleStep(), p => Step(p, 0)["input"] = "SELECT 1"));
        yield return ("input misses a field", "$.steps[0].input.sql", () => With(SingleStep("query_sql"), p => Step(p, 0)["input"] = new JsonObject()));
        yield return ("input has bad enum", "$.steps[0].input.priority", () => With(SingleStep("create_ticket"), p => Step(p, 0)["input"]!["priority"] = "asap"));
        yield return ("input has unknown field", "$.steps[0].input.cc", () => With(SingleStep("send_email"), p => Step(p, 0)["input"]!["cc"] = "x@y.example"));
        yield return ("input bad pattern", "$.steps[0].input.to", () => With(SingleStep("send_email"), p => Step(p, 0)["input"]!["to"] = "nobody"));
        yield return ("no stop conditions", "$.stopConditions", () => With(SingleStep(), p => p["stopConditions"] = new JsonArray()));
        yield return ("empty stop condition", "$.stopConditions[0]", () => With(SingleStep(), p => p["stopConditions"] = new JsonArray("")));
        yield return ("unknown root property", "$.notes", () => With(SingleStep(), p => p["notes"] = "hi"));
        yield return ("unknown step property", "$.steps[0].retries", () => With(SingleStep(), p => Step(p, 0)["retries"] = 2));
        yield return ("missing goal", "$.goal", () => With(SingleStep(), p => p.Remove("goal")));
        yield return ("missing step input", "$.steps[0].input", () => With(SingleStep(), p => Step(p, 0).Remove("input")));
        yield return ("bad step id", "$.steps[0].id", () => With(SingleStep(), p => Step(p, 0)["id"] = "step one"));
        yield return ("step is a string", "$.steps[0]", () => With(SingleStep(), p => p["steps"]![0] = "search"));
        yield return ("more than 20 steps", "$.steps", () => TwentyOneSteps());
    }

    public static JsonObject With(JsonObject plan, Action<JsonObject> change)
    {
        change(plan);
        return plan;
    }

    private static JsonObject TwentyOneSteps()
    {
        var plan = Plan(Enumerable.Range(1, 21).Select(i => ($"s{i}", "search_docs", ValidInputs["search_docs"])).ToArray());
        plan["maxSteps"] = 20;
        return plan;
    }
}
