using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

/// <summary>Returns a fixed plan JSON whatever the goal.</summary>
internal sealed class ScriptedPlanner(string rawPlan) : IPlanner
{
    public string Name => "scripted";

    public int Calls { get; private set; }

    public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(new PlannerResult(Name, null, rawPlan.Replace("RUN_ID", request.RunId, StringComparison.Ordinal), []));
    }

    public static string Plan(params (string Id, string Tool, string Q)[] steps) =>
        "{\"runId\":\"RUN_ID\",\"goal\":\"help the customer\",\"maxSteps\":5,\"budgetUsd\":1.0,\"steps\":["
        + string.Join(",", steps.Select(s =>
            $"{{\"id\":\"{s.Id}\",\"objective\":\"do {s.Tool} work\",\"tool\":\"{s.Tool}\",\"input\":{{\"q\":\"{s.Q}\"}},\"successCriteria\":\"tool answered\"}}"))
        + "],\"stopConditions\":[\"all steps done\"]}";
}
