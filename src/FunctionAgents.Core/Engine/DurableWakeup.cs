using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Engine;

/// <summary>
/// How an orchestrating host turns an "advance this run" work item into durable actions: start the run's
/// orchestration if none is running, otherwise raise the approval event of every step it may be waiting on.
/// Going through the work queue keeps starts at-least-once: a crash after RunStarted is appended but before
/// the orchestration is scheduled leaves the message to be retried.
/// </summary>
public static class DurableWakeup
{
    /// <param name="state">The run folded from its journal.</param>
    /// <param name="orchestrationRunning">Whether an orchestration instance with the RunId is running or pending.</param>
    public static WakeupAction Plan(RunState state, bool orchestrationRunning)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status == RunStatus.NotStarted)
        {
            return new WakeupAction(StartOrchestration: false, []);
        }

        if (!orchestrationRunning)
        {
            return new WakeupAction(StartOrchestration: !state.IsFinished, []);
        }

        var events = state.Steps
            .Where(s => s.Approval is not null && (s.Phase == StepPhase.AwaitingApproval || s.DecidedBy is "human" || state.IsFinished))
            .Select(s => OrchestrationLoop.ApprovalEventName(s.Id))
            .ToList();
        return new WakeupAction(StartOrchestration: false, events);
    }
}
