using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Runtime.Tests.Forensics.Support;

namespace FunctionAgents.Runtime.Tests.Forensics.Support.Desk;

/// <summary>Plans with a "model" (one recorded call) and returns the plan the test gave it.</summary>
internal sealed class DeskPlanner(string planJson) : IPlanner
{
    public string Name => "gpt4o-prod";

    public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PlannerResult(Name, "plan-v3", planJson.Replace("@RUN", request.RunId, StringComparison.Ordinal), [ScriptedRun.Model("plan")]));
}
