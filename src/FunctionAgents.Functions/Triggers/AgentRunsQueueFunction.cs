// Reference sheet sections 2.3 (QueueTrigger(queueName); string parameter; messages are Base64 by default;
// maxDequeueCount in host.json moves failures to <queue>-poison), 4.1 (host.json queues).
using FunctionAgents.Azure.Runs;
using FunctionAgents.Core.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// Runs requested on the <c>agent-runs</c> queue start exactly as POST /api/runs does. A message that can never
/// succeed (malformed, invalid) goes to <c>agent-runs-poison</c> at once with its reason; a transient failure throws,
/// so the host retries it and poisons it after maxDequeueCount (5) attempts.
/// </summary>
public sealed class AgentRunsQueueFunction
{
    private readonly AgentRunsIntake _intake;

    public AgentRunsQueueFunction(AgentRunsIntake intake) => _intake = intake;

    [Function("AgentRunsQueue")]
    public async Task RunAsync([QueueTrigger(QueueNames.AgentRuns)] string message, long dequeueCount, FunctionContext context)
    {
        var result = await _intake.HandleAsync(message, context.CancellationToken);
        if (result.IsRejected)
        {
            await _intake.PoisonAsync(message, result.Rejection!, dequeueCount, context.CancellationToken);
        }
    }
}
