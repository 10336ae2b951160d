using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Domain.Runs;

/// <summary>
/// Evolve: the pure, total fold step from one state and one event to the next state.
/// No clock, no I/O; an event type this version does not know only advances the position.
/// </summary>
public static class RunEvolver
{
    public static RunState Fold(IEnumerable<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(RunState.Empty, Evolve);
    }

    public static RunState Evolve(RunState state, RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);
        var positioned = state with
        {
            RunId = e.RunId,
            TenantId = e.TenantId,
            CorrelationId = e.CorrelationId,
            // The run's traceparent is RunStarted's; later events name the span that appended them.
            TraceParent = state.TraceParent.Length == 0 ? e.TraceParent : state.TraceParent,
            LastSeq = e.Seq,
            LastHash = e.Hash,
            UpdatedAt = e.OccurredAt,
            LastSeqByType = state.LastSeqByType.SetItem(e.Type, e.Seq),
        };
        if (!EventTypes.IsKnown(e.Type))
        {
            return positioned;
        }

        return Apply(positioned, e.ReadPayload(), e);
    }

    private static RunState Apply(RunState s, EventPayload payload, RunEvent e) => payload switch
    {
        RunStarted p => s with
        {
            Status = RunStatus.Running,
            Goal = p.Goal,
            MaxSteps = p.MaxSteps,
            BudgetUsd = p.BudgetUsd,
            Deadline = p.Deadline,
            Source = p.Source,
            IdempotencyKey = p.IdempotencyKey,
            Metadata = p.Metadata,
            StartedAt = e.OccurredAt,
        },
        ModelCalled => s with { ModelCalls = s.ModelCalls + 1 },
        PlanGenerated p => s with
        {
            Plan = p.Plan,
            Planner = p.Planner,
            Steps = [.. p.Plan.Steps.Select(step => NewStep(step, e.Seq))],
        },
        PlanRejected p => s with { PlanErrors = p.Errors, Planner = p.Planner },
        ToolProposed p => UpdateStep(s, p.StepId, e.Seq, st => st with { Phase = StepPhase.Proposed, Input = p.Input }),
        ToolApproved p => UpdateStep(s, p.StepId, e.Seq, st => Decided(st, PolicyAction.Allow, p.Rules, p.Reason, p.PolicyVersion) with
        {
            Phase = StepPhase.Approved,
        }),
        ToolRejected p => UpdateStep(s, p.StepId, e.Seq, st => Decided(st, PolicyAction.Deny, p.Rules, p.Reason, p.PolicyVersion) with
        {
            Phase = StepPhase.Rejected,
            DecidedBy = p.Rules.Count == 0 && p.PolicyVersion.Length == 0 ? "runtime" : "policy",
        }),
        ApprovalRequested p => WithStatus(UpdateStep(s, p.StepId, e.Seq, st => Decided(st, PolicyAction.RequireHumanApproval, p.Rules, p.Reason, p.PolicyVersion) with
        {
            Phase = StepPhase.AwaitingApproval,
            Approval = new PendingApproval(p.StepId, p.Tool, p.Input, p.Rules, p.Reason, p.PolicyVersion, p.ExpiresAt, p.OnTimeout, e.Seq),
        })),
        HumanApproved p => WithStatus(UpdateStep(s, p.StepId, e.Seq, st => st with
        {
            Phase = StepPhase.Approved,
            DecidedBy = "human",
            Approver = p.Approver,
            ApprovalComment = p.Comment,
        })),
        HumanRejected p => WithStatus(UpdateStep(s, p.StepId, e.Seq, st => st with
        {
            Phase = StepPhase.Rejected,
            DecidedBy = "human",
            Approver = p.Approver,
            ApprovalComment = p.Comment,
            Reason = p.Comment is { Length: > 0 } ? $"rejected by {p.Approver}: {p.Comment}" : $"rejected by {p.Approver}",
        })),
        ApprovalExpired p => WithStatus(UpdateStep(s, p.StepId, e.Seq, st => st with
        {
            Phase = p.Outcome == PolicyAction.Allow ? StepPhase.Approved : StepPhase.Rejected,
            DecidedBy = "timeout",
            Reason = $"approval expired; policy on_timeout is {(p.Outcome == PolicyAction.Allow ? "allow" : "deny")}",
        })),
        ToolExecuted p => CountTool(UpdateStep(s, p.StepId, e.Seq, st => st with { DispatchId = p.DispatchId, Input = p.Input }), p.Tool),
        ObservationCaptured p => UpdateStep(s, p.StepId, e.Seq, st => st with { Phase = StepPhase.Executed, Observation = p.Observation }),
        CostRecorded p => s with { CostUsd = p.TotalCostUsd },
        BudgetExceeded p => s with { BudgetStop = p.Reason },
        ResponseDrafted p => s with { DraftResponse = p.Text, ResponseSources = p.Sources },
        ResponseFinalized p => s with { Response = p.Text },
        RunCompleted p => s with { Status = RunStatus.Completed, FinishedAt = e.OccurredAt, StoppedEarly = p.StoppedEarly },
        RunFailed p => s with
        {
            Status = RunStatus.Failed,
            FinishedAt = e.OccurredAt,
            FailureCode = p.Code,
            FailureReason = p.Reason,
            Response = p.FallbackResponse,
        },
        RunCancelled p => s with { Status = RunStatus.Cancelled, FinishedAt = e.OccurredAt, CancelReason = p.Reason },
        _ => s,
    };

    private static StepState NewStep(Planning.PlanStep step, long seq) => new(
        step.Id, step.Tool, step.Objective, step.SuccessCriteria, StepPhase.Pending, step.Input,
        null, [], null, null, null, null, null, null, null, null, 0m, seq);

    private static StepState Decided(StepState st, PolicyAction action, IReadOnlyList<PolicyRuleMatch> rules, string reason, string version) =>
        st with { Decision = action, Rules = rules, Reason = reason, PolicyVersion = version, DecidedBy = "policy" };

    private static RunState UpdateStep(RunState s, string stepId, long seq, Func<StepState, StepState> change)
    {
        var index = s.Steps.FindIndex(st => st.Id == stepId);
        return index < 0 ? s : s with { Steps = s.Steps.SetItem(index, change(s.Steps[index]) with { LastSeq = seq }) };
    }

    private static RunState CountTool(RunState s, string tool) => s with
    {
        ToolCalls = s.ToolCalls + 1,
        TicketsCreated = s.TicketsCreated + (tool == "create_ticket" ? 1 : 0),
        EmailsSent = s.EmailsSent + (tool == "send_email" ? 1 : 0),
    };

    private static RunState WithStatus(RunState s) => s.IsFinished
        ? s
        : s with { Status = s.Steps.Exists(st => st.Phase == StepPhase.AwaitingApproval) ? RunStatus.AwaitingApproval : RunStatus.Running };
}
