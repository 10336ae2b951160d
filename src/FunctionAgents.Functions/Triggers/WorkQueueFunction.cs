// Reference sheet sections 2.3 (QueueTrigger), 3.2 (DurableClient binding on a non-orchestrator function),
// 3.3 (GetInstanceAsync, ScheduleNewOrchestrationInstanceAsync(TaskName, object?, StartOrchestrationOptions?),
// RaiseEventAsync), 3.5 (an existing running instance id fails the start: check first, catch the duplicate).
using FunctionAgents.Azure.Runs;
using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Hosting;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Runs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// Turns the runtime's "advance this run" work items into Durable actions (see <see cref="DurableWakeup"/>): start the
/// run's orchestration with the RunId as instance id, or raise the approval event of the step it waits on. Starts,
/// approvals and cancels all pass through here, so a crash between the journal append and the scheduling is retried.
/// </summary>
public sealed class WorkQueueFunction
{
    private readonly IEventJournal _journal;

    public WorkQueueFunction(IEventJournal journal) => _journal = journal;

    [Function("AgentWorkQueue")]
    public async Task RunAsync(
        [QueueTrigger(QueueNames.Work)] string message, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        var runId = WorkMessages.ReadRunId(message)
            ?? throw new InvalidOperationException("The agent-work message does not name a run.");
        var state = await RunReader.LoadAsync(_journal, runId, context.CancellationToken);
        var instance = await client.GetInstanceAsync(runId, context.CancellationToken);
        var running = instance is not null && !instance.IsCompleted;
        var action = DurableWakeup.Plan(state, running);
        if (action.StartOrchestration)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                OrchestrationNames.Orchestrator, runId, new StartOrchestrationOptions { InstanceId = runId }, context.CancellationToken);
        }

        foreach (var eventName in action.RaiseEvents)
        {
            await client.RaiseEventAsync(runId, eventName, "wake", context.CancellationToken);
        }
    }
}
