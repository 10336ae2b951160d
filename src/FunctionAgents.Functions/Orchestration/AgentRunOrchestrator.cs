using FunctionAgents.Domain.Runs;
using FunctionAgents.Durable;
using FunctionAgents.Runtime.Engine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionAgents.Functions.Orchestration;

/// <summary>
/// The Durable Functions binding of the one run orchestrator: it hands the context to the shared
/// <see cref="AgentRunOrchestration"/>, which the local DTFx host and the tests run unchanged.
/// </summary>
public static class AgentRunOrchestrator
{
    [Function(OrchestrationNames.Orchestrator)]
    public static Task<RunStatus> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AgentRunOrchestration().RunAsync(context, context.GetInput<string>() ?? context.InstanceId);
    }
}
