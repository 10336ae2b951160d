using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Runtime.Runs;

public sealed partial class RunActivities
{
    private IReadOnlyList<EventDraft> CheckPolicy(RunState state, string stepId)
    {
        var step = RequireStep(state, stepId);
        var batch = new DraftBatch(state);
        var cause = step.LastSeq;
        if (!StepInputResolver.TryResolve(step.Input, state, out var input, out var error))
        {
            cause = batch.Add(Actors.Orchestrator, new ToolProposed(step.Id, step.Tool, step.Input, step.Objective), cause);
            batch.Add(Actors.Orchestrator, new ToolRejected(step.Id, step.Tool, [], $"input could not be resolved: {error}", string.Empty), cause);
            return batch.Drafts;
        }

        if (step.Phase == StepPhase.Pending)
        {
            cause = batch.Add(Actors.Orchestrator, new ToolProposed(step.Id, step.Tool, input, step.Objective), cause);
        }

        var decision = _policy.Evaluate(step.Tool, input, state.Metrics);
        RunTelemetry.TagPolicy(step.Id, step.Tool, decision);
        EventPayload verdict = decision.Action switch
        {
            PolicyAction.Allow => new ToolApproved(step.Id, step.Tool, decision.Matches, decision.Reason, decision.PolicyVersion),
            PolicyAction.Deny => new ToolRejected(step.Id, step.Tool, decision.Matches, decision.Reason, decision.PolicyVersion),
            _ => new ApprovalRequested(
                step.Id,
                step.Tool,
                input,
                decision.Matches,
                decision.Reason,
                decision.PolicyVersion,
                _clock.GetUtcNow() + (decision.Approval?.Timeout ?? TimeSpan.FromHours(24)),
                decision.Approval?.OnTimeout ?? PolicyAction.Deny),
        };
        batch.Add(Actors.PolicyGuard, verdict, cause);
        return batch.Drafts;
    }

    private static IReadOnlyList<EventDraft> ExpireApproval(RunState state, string stepId)
    {
        var step = RequireStep(state, stepId);
        var outcome = step.Approval?.OnTimeout == PolicyAction.Allow ? PolicyAction.Allow : PolicyAction.Deny;
        var batch = new DraftBatch(state);
        batch.Add(Actors.Orchestrator, new ApprovalExpired(step.Id, outcome), step.Approval?.RequestedSeq ?? step.LastSeq);
        return batch.Drafts;
    }
}
