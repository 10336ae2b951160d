using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Runs;

public sealed partial class RunCommands
{
    /// <summary>
    /// Records a human's decision on a step awaiting approval (journal first), then raises <c>approval:&lt;stepId&gt;</c>
    /// on the run's orchestration. Conflict when the step does not wait or the orchestration has ended.
    /// </summary>
    public async Task<CommandResult> DecideApprovalAsync(
        string tenantId, string runId, string stepId, bool approve, string approver, string? comment, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(tenantId, runId, cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        var instance = await _orchestrations.GetStatusAsync(runId, cancellationToken);
        if (instance.HasEnded())
        {
            return await NoLongerWaitingAsync(runId, instance, cancellationToken);
        }

        string? refusal = null;
        var (before, after) = await _writer.AppendAsync(runId, state =>
        {
            var step = state.FindStep(stepId);
            if (step is null)
            {
                refusal = $"run {runId} has no step '{stepId}'";
                return null;
            }

            if (step.Phase != StepPhase.AwaitingApproval || state.IsFinished)
            {
                refusal = step.DecidedBy is "human" or "timeout"
                    ? $"step {stepId} was already decided ({step.DecidedBy}: {PhaseName(step.Phase)})"
                    : $"step {stepId} is not awaiting approval (it is {PhaseName(step.Phase)}, run {RunStatusNames.ToName(state.Status)})";
                return null;
            }

            EventPayload decision = approve ? new HumanApproved(stepId, approver, comment) : new HumanRejected(stepId, approver, comment);
            return [new EventDraft(Actors.Human, decision, step.Approval?.RequestedSeq ?? step.LastSeq)];
        }, cancellationToken);

        if (refusal is not null)
        {
            return new CommandResult(before.FindStep(stepId) is null ? CommandOutcome.NotFound : CommandOutcome.Conflict, refusal, before);
        }

        await WakeAsync(runId, instance, OrchestrationLoop.ApprovalEventName(stepId), cancellationToken);
        return new CommandResult(CommandOutcome.Accepted, null, after);
    }

    /// <summary>Cancels a run that has not finished (journal first), then raises <c>cancel</c> on its orchestration.</summary>
    public async Task<CommandResult> CancelAsync(string tenantId, string runId, string? reason, string by, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(tenantId, runId, cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        var instance = await _orchestrations.GetStatusAsync(runId, cancellationToken);
        if (instance.HasEnded())
        {
            return await NoLongerWaitingAsync(runId, instance, cancellationToken);
        }

        var (before, after) = await _writer.AppendAsync(
            runId,
            state => state.IsFinished ? null : [new EventDraft(Actors.Human, new RunCancelled(reason ?? "cancelled by request", by), state.LastSeq)],
            cancellationToken);
        if (before.IsFinished)
        {
            return new CommandResult(CommandOutcome.Conflict, $"run {runId} has already finished ({RunStatusNames.ToName(before.Status)})", before);
        }

        await WakeAsync(runId, instance, OrchestrationLoop.CancelEventName, cancellationToken);
        return new CommandResult(CommandOutcome.Accepted, null, after);
    }

    /// <summary>
    /// Raises the event on a live orchestration. A run without one (a crash between RunStarted and scheduling) gets it
    /// now: the new orchestration reads the journal, decision included.
    /// </summary>
    private async Task WakeAsync(string runId, RunOrchestrationStatus instance, string eventName, CancellationToken cancellationToken)
    {
        if (instance == RunOrchestrationStatus.None)
        {
            await _orchestrations.ScheduleAsync(runId, cancellationToken);
            return;
        }

        await _orchestrations.RaiseAsync(runId, eventName, cancellationToken);
    }

    private async Task<CommandResult> NoLongerWaitingAsync(string runId, RunOrchestrationStatus instance, CancellationToken cancellationToken)
    {
        var state = await RunReader.LoadAsync(_journal, runId, cancellationToken);
        var detail = $"run {runId} is {RunStatusNames.ToName(state.Status)}: its orchestration has ended ({instance.ToString().ToLowerInvariant()}) and no longer waits";
        return new CommandResult(CommandOutcome.Conflict, detail, state);
    }

    /// <summary>The phase's wire name (<c>awaiting_approval</c>), as the API's JSON spells it.</summary>
    private static string PhaseName(StepPhase phase) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(phase.ToString());
}
