using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Runtime.Models;
using FunctionAgents.Runtime.Telemetry;
using FunctionAgents.Runtime.Tests.Runs.Fakes;
using Microsoft.Extensions.AI;

namespace FunctionAgents.Runtime.Tests.Telemetry;

/// <summary>
/// A scripted plan fetched through an <see cref="IChatClient"/> with the runtime's model middleware (OpenTelemetry on
/// the runtime's source, then recording), as a model planner does, so the gen_ai span, tokens and cost flow.
/// </summary>
internal sealed class ModelPlanner(string rawPlan) : IPlanner
{
    private readonly ScriptedPlanner _inner = new(rawPlan);

    public string Name => "gpt-test";

    public async Task<PlannerResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        var planned = await _inner.PlanAsync(request, cancellationToken);
        using var client = new ChatClientBuilder(new ScriptedChatClient(planned.RawPlan))
            .UseOpenTelemetry(sourceName: FaTelemetry.Name)
            .Use(inner => new RecordingChatClient(inner))
            .Build();
        var options = new ModelCallInfo("plan", "gpt-test", null, "plan-v1", "ph", 0).Attach(new ChatOptions { ModelId = "gpt-test" });
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, request.Goal)], options, cancellationToken);
        var call = RecordingChatClient.Recorded(response)!;
        return planned with { Planner = Name, ModelCalls = [call] };
    }

    /// <summary>Answers every request with the plan, as the model deployment <c>gpt-test-0613</c> with 1200 + 300 tokens.</summary>
    private sealed class ScriptedChatClient(string text) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
            {
                ModelId = "gpt-test-0613",
                FinishReason = ChatFinishReason.Stop,
                Usage = new UsageDetails { InputTokenCount = 1200, OutputTokenCount = 300 },
            });

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The runtime never streams.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
