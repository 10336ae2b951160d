using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Runtime.Tests.Runs.Fakes;

namespace FunctionAgents.Runtime.Tests.Telemetry;

/// <summary>A scripted plan that reports one model call, as a model planner does, so tokens and cost flow.</summary>
internal sealed class ModelPlanner(string rawPlan) : IPlanner
{
    private readonly ScriptedPlanner _inner = new(rawPlan);

    public string Name => "gpt-test";

    public async Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        var planned = await _inner.PlanAsync(request, cancellationToken);
        var call = new ModelCalled("plan", "gpt-test", "gpt-test-0613", "plan-v1", "ph", "rh", planned.RawPlan, 1200, 300, 250, "stop");
        return planned with { Planner = Name, ModelCalls = [call] };
    }
}
