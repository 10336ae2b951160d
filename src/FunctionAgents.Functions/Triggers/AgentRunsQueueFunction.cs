// Reference sheet sections 2.1 (FunctionContext.BindingContext), 2.3 (QueueTrigger(queueName); string parameter;
// messages are Base64 by default; maxDequeueCount in host.json moves failures to <queue>-poison), 4.1 (host.json queues).
// Not in the sheet: the trigger's "DequeueCount" binding-data key (the queue trigger's documented metadata); it is only
// used for the poison envelope, and a missing value records 1.
using System.Globalization;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// Runs requested on the <c>agent-runs</c> queue (as deployed: <c>FA_STORAGE_PREFIX-agent-runs</c>, the name the local
/// host and the health endpoint use) start exactly as POST /api/runs does. A message that can never
/// succeed (malformed, invalid) goes to <c>agent-runs-poison</c> at once with its reason; a transient failure throws,
/// so the host retries it and poisons it after maxDequeueCount (5) attempts.
/// </summary>
public sealed class AgentRunsQueueFunction
{
    private readonly AgentRunsIntake _intake;
    private readonly InvocationDurableClient _durable;

    public AgentRunsQueueFunction(AgentRunsIntake intake, InvocationDurableClient durable)
    {
        _intake = intake;
        _durable = durable;
    }

    [Function("AgentRunsQueue")]
    public async Task RunAsync([QueueTrigger(FunctionsBindingSettings.AgentRunsQueue)] string message, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        using var bound = _durable.Bind(client);
        var result = await _intake.HandleAsync(message, context.CancellationToken);
        if (result.IsRejected)
        {
            await _intake.PoisonAsync(message, result.Rejection!, DequeueCount(context), context.CancellationToken);
        }
    }

    private static long DequeueCount(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("DequeueCount", out var value)
            && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1;
}
