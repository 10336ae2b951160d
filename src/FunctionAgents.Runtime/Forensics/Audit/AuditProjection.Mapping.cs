using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Forensics.Audit;

public sealed partial class AuditProjection
{
    private static AuditEntry? Map(RunEvent e, RunState after, BatchContext context)
    {
        if (!EventTypes.IsKnown(e.Type))
        {
            return null;
        }

        EventPayload payload;
        try
        {
            payload = e.ReadPayload();
        }
        catch (JsonException)
        {
            return null;
        }

        (string? Tool, string? StepId, AuditJustification Why)? row = payload switch
        {
            RunStarted p => (null, null, new([], Reason: $"requested via {p.Source}" + (p.IdempotencyKey is { } key ? $" (idempotency key {key})" : string.Empty))),
            ModelCalled p => (null, null, new([], Reason: p.Purpose, Model: p.Model, PromptVersion: p.PromptVersion)),
            PlanGenerated p => (null, null, new([], Reason: $"planned by {p.Planner}", Model: context.LastModel?.Model ?? p.Planner, PromptVersion: p.PromptVersion ?? context.LastModel?.PromptVersion)),
            PlanRejected p => (null, null, new([], Reason: $"{p.Errors.Count} validation error(s)", Model: context.LastModel?.Model ?? p.Planner, PromptVersion: context.LastModel?.PromptVersion)),
            ToolApproved p => (p.Tool, p.StepId, Policy(p.Rules, p.PolicyVersion, p.Reason, "policy")),
            ToolRejected p => (p.Tool, p.StepId, Policy(p.Rules, p.PolicyVersion, p.Reason, p.Rules.Count == 0 && p.PolicyVersion.Length == 0 ? "runtime" : "policy")),
            ApprovalRequested p => (p.Tool, p.StepId, Policy(p.Rules, p.PolicyVersion, p.Reason, "policy")),
            HumanApproved p => Step(after, p.StepId, step => StepPolicy(step, step?.Approval?.Reason) with { DecidedBy = "human", Approver = p.Approver, Comment = p.Comment }),
            HumanRejected p => Step(after, p.StepId, step => StepPolicy(step, step?.Approval?.Reason) with { DecidedBy = "human", Approver = p.Approver, Comment = p.Comment }),
            ApprovalExpired p => Step(after, p.StepId, step => StepPolicy(step, $"approval expired; policy on_timeout is {(p.Outcome == PolicyAction.Allow ? "allow" : "deny")}") with { DecidedBy = "timeout" }),
            ToolExecuted p => (p.Tool, p.StepId, Executed(after.FindStep(p.StepId))),
            BudgetExceeded p => (null, null, new([], Reason: p.Reason)),
            ResponseFinalized => (null, null, new([], Reason: context.DraftBuilder is { } builder ? $"drafted by {builder}" : null, Model: context.LastModel?.Model ?? context.DraftBuilder, PromptVersion: context.LastModel?.PromptVersion)),
            RunCompleted p => (null, null, new([], Reason: $"{p.StepsExecuted} step(s) executed, {p.StepsSkipped} skipped" + (p.StoppedEarly is { } early ? $", stopped early ({early})" : string.Empty))),
            RunFailed p => (null, null, new([], Reason: $"{p.Code}: {p.Reason}")),
            RunCancelled p => (null, null, new([], Reason: p.Reason, Approver: p.By)),
            _ => null,
        };

        context.Observe(payload);
        return row is { } r
            ? new AuditEntry(e.TenantId, e.CorrelationId, e.RunId, e.Seq, e.OccurredAt, e.Actor, e.Type, r.Tool, r.StepId, EventExplainer.Explain(e).Summary, r.Why)
            : null;
    }

    private static AuditJustification Policy(IReadOnlyList<PolicyRuleMatch> rules, string policyVersion, string reason, string decidedBy) =>
        new([.. rules.Select(r => r.Name)], policyVersion.Length == 0 ? null : policyVersion, reason, decidedBy);

    private static (string? Tool, string? StepId, AuditJustification Why) Step(RunState after, string stepId, Func<StepState?, AuditJustification> justify)
    {
        var step = after.FindStep(stepId);
        return (step?.Tool, stepId, justify(step));
    }

    private static AuditJustification StepPolicy(StepState? step, string? reason) =>
        new(step is null ? [] : [.. step.Rules.Select(r => r.Name)], step?.PolicyVersion is { Length: > 0 } version ? version : null, reason);

    /// <summary>A tool execution is justified by how its step was approved.</summary>
    private static AuditJustification Executed(StepState? step) =>
        StepPolicy(step, step?.Reason) with { DecidedBy = step?.DecidedBy, Approver = step?.Approver, Comment = step?.ApprovalComment };

    /// <summary>What earlier events of the same batch tell about later ones: the model behind a plan or an answer.</summary>
    private sealed class BatchContext
    {
        public ModelCalled? LastModel { get; private set; }

        public string? DraftBuilder { get; private set; }

        public void Observe(EventPayload payload)
        {
            switch (payload)
            {
                case ModelCalled model:
                    LastModel = model;
                    break;
                case ResponseDrafted draft:
                    DraftBuilder = draft.Builder;
                    break;
            }
        }
    }
}

/// <summary>Why an action was taken or allowed: the policy that decided it, the human who approved it, the model and prompt behind it.</summary>
/// <param name="Rules">The policy rules that matched, by name.</param>
/// <param name="PolicyVersion">The policy's content hash at decision time.</param>
/// <param name="Reason">The decision's or the event's reason, in words.</param>
/// <param name="DecidedBy"><c>policy</c>, <c>human</c>, <c>timeout</c> or <c>runtime</c> for decisions on tool calls.</param>
/// <param name="Approver">The human who approved, rejected or cancelled.</param>
/// <param name="Comment">The human's comment.</param>
/// <param name="Model">The model (or planner/builder) that produced the output acted on.</param>
/// <param name="PromptVersion">The prompt version that model was given.</param>
public sealed record AuditJustification(
    IReadOnlyList<string> Rules,
    string? PolicyVersion = null,
    string? Reason = null,
    string? DecidedBy = null,
    string? Approver = null,
    string? Comment = null,
    string? Model = null,
    string? PromptVersion = null)
{
    public static AuditJustification None { get; } = new([]);
}
