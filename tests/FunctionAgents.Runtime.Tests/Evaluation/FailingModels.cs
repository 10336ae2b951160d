using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Tests.Evaluation;

/// <summary>A planner and a response builder that fail after one model call, as a model that times out on a retry would.</summary>
internal static class FailingModels
{
    public static ModelCalled Call(string purpose) =>
        new(purpose, "gpt-small", "gpt-4.1-mini", "planner/v1", "ph", "rh", "{\"partial\":", 1200, 40, 950, "length");

    public sealed class Planner : IPlanner
    {
        public string Name => "azure-openai";

        public Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken) =>
            throw new RunFailureException("model_timeout", "the planning model did not answer in time") { CallsMade = [Call("plan")] };
    }

    public sealed class Builder : IResponseBuilder
    {
        public string Name => "azure-openai";

        public Task<ResponseResult> BuildAsync(ResponseRequest request, CancellationToken cancellationToken) =>
            throw new RunFailureException("model_timeout", "the answering model did not answer in time") { CallsMade = [Call("answer")] };
    }
}
