using System.Text.Json.Nodes;
using System.Text.Json;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>
/// Stands in for the model planner in MCP tests: a goal <c>steps: [ {tool, input}, … ]</c> becomes exactly that plan
/// (the offline planner only knows the built-in tools). The plan still goes through the contract and the policy.
/// </summary>
public sealed class ScriptedPlanner : IPlanner
{
    public const string Prefix = "steps: ";

    public string Name => "scripted";

    public static string Goal(params (string Tool, object Input)[] steps) =>
        Prefix + JsonSerializer.Serialize(steps.Select(s => new { tool = s.Tool, input = s.Input }));

    public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        var steps = JsonNode.Parse(request.Goal[Prefix.Length..])!.AsArray();
        var plan = new JsonObject
        {
            ["runId"] = request.RunId,
            ["goal"] = request.Goal,
            ["maxSteps"] = request.MaxSteps,
            ["budgetUsd"] = request.BudgetUsd,
            ["steps"] = new JsonArray([.. steps.Select((s, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"s{i + 1}",
                ["objective"] = $"call {s!["tool"]}",
                ["tool"] = s["tool"]!.DeepClone(),
                ["input"] = s["input"]!.DeepClone(),
                ["successCriteria"] = "the tool answers",
            })]),
            ["stopConditions"] = new JsonArray("stop after the last step"),
        };
        return Task.FromResult(new PlannerResult(Name, null, plan.ToJsonString(), []));
    }
}
