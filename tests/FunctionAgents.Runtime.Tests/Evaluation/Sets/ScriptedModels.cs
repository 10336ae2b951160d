using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Evaluation.Sets;

namespace FunctionAgents.Runtime.Tests.Evaluation.Sets;

/// <summary>Scripted candidate models: one that answers without the facts, one that plans every step but the last.</summary>
internal static class ScriptedModels
{
    /// <summary>The offline plans, answered with a fixed text that states no fact and cites nothing.</summary>
    public static SetModels VagueAnswers(IToolCatalog catalog) =>
        new(new OfflinePlanner(catalog), new FixedAnswer("I have looked into your request and everything is in order."), null, "scripted/vague", "scripted");

    /// <summary>The offline plans without their last step, answered by the offline builder.</summary>
    public static SetModels SkipLastStep(IToolCatalog catalog) =>
        new(new LastStepSkipped(new OfflinePlanner(catalog)), new OfflineResponseBuilder("samples/docs"), null, "scripted/skip", "scripted");

    private sealed class FixedAnswer(string text) : IResponseBuilder
    {
        public string Name => "scripted";

        public Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ResponseResult(text, [], Name, Array.Empty<ModelCalled>()));
    }

    private sealed class LastStepSkipped(IPlanner inner) : IPlanner
    {
        public string Name => "scripted";

        public async Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
        {
            var result = await inner.PlanAsync(request, cancellationToken);
            var plan = JsonNode.Parse(result.RawPlan)!.AsObject();
            var steps = plan["steps"]!.AsArray();
            if (steps.Count > 1)
            {
                steps.RemoveAt(steps.Count - 1);
            }

            return result with { Planner = Name, RawPlan = plan.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) };
        }
    }
}
