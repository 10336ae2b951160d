// Reference sheet sections 3.2 (OrchestrationTrigger), 3.6 (TaskOrchestrationContext: CurrentUtcDateTime,
// CallActivityAsync<TResult>(TaskName, object?, TaskOptions?), WaitForExternalEvent<T>(string, TimeSpan) throwing
// TaskCanceledException on timeout), 3.7 (TaskOptions.FromRetryPolicy, RetryPolicy), 3.8 (function-based shape);
// checklist section 7 items 4-5.
using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Runs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionAgents.Functions.Orchestration;

/// <summary>
/// One orchestration per run, instance id = RunId: the decider loop of <see cref="OrchestrationLoop"/> with Durable
/// primitives. The journal stays the record; this history is execution detail. Deterministic: time from the context,
/// no I/O (activities do it), and no ConfigureAwait(false) anywhere on the path.
/// </summary>
public static class AgentRunOrchestrator
{
    private static readonly TaskOptions ActivityRetry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1)));

    [Function(OrchestrationNames.Orchestrator)]
    public static Task<RunStatus> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var runId = context.GetInput<string>() ?? context.InstanceId;
        return OrchestrationLoop.RunAsync(
            runId,
            request => context.CallActivityAsync<StepResult>(OrchestrationNames.ActivityFor(request.Kind), request, ActivityRetry),
            (id, afterSeq) => context.CallActivityAsync<StepResult>(OrchestrationNames.ReadRun, new ReadRunRequest(id, afterSeq), ActivityRetry),
            (eventName, deadline) => WaitForApprovalAsync(context, eventName, deadline),
            () => new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
    }

    private static async Task WaitForApprovalAsync(TaskOrchestrationContext context, string eventName, DateTimeOffset deadline)
    {
        var timeout = deadline - new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await context.WaitForExternalEvent<string>(eventName, timeout);
        }
        catch (TaskCanceledException)
        {
            // The approval deadline passed: the decider now chooses ExpireApproval.
        }
    }
}
