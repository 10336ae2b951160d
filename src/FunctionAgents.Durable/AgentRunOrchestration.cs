using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using Microsoft.DurableTask;

namespace FunctionAgents.Durable;

/// <summary>
/// The run orchestrator every host executes (instance id = RunId, input = RunId): the decider loop of
/// <see cref="OrchestrationLoop"/> over a <see cref="TaskOrchestrationContext"/>. The journal stays the record; the
/// orchestration history is execution detail. Deterministic: time from the context, I/O only in activities, and no
/// ConfigureAwait(false) on the path. An exception that escapes the loop (an activity that failed every retry) ends
/// the run with RunFailed and its reason through <see cref="OrchestrationNames.FailRun"/>, so no run is left as a
/// silently failed instance.
/// </summary>
public sealed class AgentRunOrchestration : TaskOrchestrator<string, RunStatus>
{
    /// <summary>Five attempts, 2 s first back-off doubling to at most one minute.</summary>
    public static readonly RetryPolicy DefaultRetry = new(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1));

    private readonly TaskOptions _activityOptions;

    /// <summary>Uses <see cref="DefaultRetry"/>.</summary>
    public AgentRunOrchestration()
        : this(DefaultRetry)
    {
    }

    /// <param name="retry">The retry policy of every activity call (tests shorten it).</param>
    public AgentRunOrchestration(RetryPolicy retry) => _activityOptions = TaskOptions.FromRetryPolicy(retry);

    /// <inheritdoc />
    public override async Task<RunStatus> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runId = string.IsNullOrEmpty(input) ? context.InstanceId : input;
        try
        {
            return await OrchestrationLoop.RunAsync(
                runId,
                request => context.CallActivityAsync<StepResult>(OrchestrationNames.ActivityFor(request.Kind), request, _activityOptions),
                (id, afterSeq) => context.CallActivityAsync<StepResult>(OrchestrationNames.ReadRun, new ReadRunRequest(id, afterSeq), _activityOptions),
                (eventName, deadline) => WaitForDecisionAsync(context, eventName, deadline),
                () => Now(context));
        }
        catch (Exception ex) when (ex is TaskFailedException or InvalidOperationException or ArgumentException)
        {
            var reason = ex is TaskFailedException failed ? DescribeFailure(failed) : ex.Message;
            return await context.CallActivityAsync<RunStatus>(OrchestrationNames.FailRun, new FailRunRequest(runId, reason), _activityOptions);
        }
    }

    private static string DescribeFailure(TaskFailedException failed) =>
        failed.FailureDetails is { } details
            ? $"activity {failed.TaskName} failed: {details.ErrorType}: {details.ErrorMessage}"
            : $"activity {failed.TaskName} failed: {failed.Message}";

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    /// <summary>
    /// Waits for the step's approval event or the run's cancel event, whichever comes first, until the deadline
    /// (the earlier of the approval expiry and the run deadline: a durable timer). The loop then re-reads the journal.
    /// </summary>
    private static async Task WaitForDecisionAsync(TaskOrchestrationContext context, string eventName, DateTimeOffset deadline)
    {
        if (deadline <= Now(context))
        {
            return;
        }

        using var cancelTimer = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<string>(eventName, cancelTimer.Token);
        var cancel = context.WaitForExternalEvent<string>(OrchestrationLoop.CancelEventName, cancelTimer.Token);
        var timer = context.CreateTimer(deadline.UtcDateTime, cancelTimer.Token);
        await Task.WhenAny(decision, cancel, timer);

        // Cancel what did not fire, so the orchestration can complete without a pending timer or listener. Synchronous
        // Cancel on purpose: CancelAsync would run the callbacks off the orchestrator thread.
        cancelTimer.Cancel();
    }
}
