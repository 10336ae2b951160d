using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Telemetry;

/// <summary>
/// Derives the run, policy, model and cost metrics from the events as they are appended, so the figures are the
/// journal's own and cannot drift from it. Tags stay bounded: tenant, source, status, code, tool, rule, model,
/// never a run id. Like every projection it may see a batch twice after a crash; counters then over-count by
/// that batch (metrics are at-least-once; the journal stays the record).
/// </summary>
public sealed class TelemetryProjection : IJournalProjection
{
    private readonly IEventJournal? _journal;

    /// <param name="journal">Reads the ApprovalRequested a decision answers, to time the wait; without it the wait is not recorded.</param>
    public TelemetryProjection(IEventJournal? journal = null) => _journal = journal;

    /// <inheritdoc />
    public async Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appended);
        ArgumentNullException.ThrowIfNull(after);
        foreach (var e in appended)
        {
            if (!EventTypes.IsKnown(e.Type))
            {
                continue;
            }

            var payload = e.ReadPayload();
            Record(payload, e, after);
            if (payload is HumanApproved or HumanRejected or ApprovalExpired)
            {
                await RecordWaitAsync(payload, e, after, cancellationToken);
            }
        }
    }

    private static void Record(EventPayload payload, RunEvent e, RunState after)
    {
        var tenant = Tag(TelemetryTags.Tenant, e.TenantId);
        switch (payload)
        {
            case RunStarted p:
                FaMetrics.RunsStarted.Add(1, tenant, Tag(TelemetryTags.Source, p.Source));
                break;
            case RunCompleted:
                Finished(e, after, "completed", string.Empty);
                break;
            case RunFailed p:
                Finished(e, after, "failed", p.Code);
                break;
            case RunCancelled:
                Finished(e, after, "cancelled", string.Empty);
                break;
            case ToolApproved p:
                Decided(p.Tool, PolicyAction.Allow, p.Rules);
                break;
            case ToolRejected p:
                Decided(p.Tool, PolicyAction.Deny, p.Rules);
                break;
            case ApprovalRequested p:
                Decided(p.Tool, PolicyAction.RequireHumanApproval, p.Rules);
                FaMetrics.ApprovalsPending.Add(1, tenant, Tag(TelemetryTags.Tool, p.Tool));
                break;
            case ModelCalled p:
                var model = Tag(TelemetryTags.GenAiRequestModel, p.Deployment);
                var purpose = Tag(TelemetryTags.Purpose, p.Purpose);
                FaMetrics.ModelTokens.Add(p.InputTokens, model, purpose, Tag(TelemetryTags.GenAiTokenType, "input"));
                FaMetrics.ModelTokens.Add(p.OutputTokens, model, purpose, Tag(TelemetryTags.GenAiTokenType, "output"));
                FaMetrics.ModelDuration.Record(p.LatencyMs / 1000d, model, purpose);
                break;
            case CostRecorded p:
                FaMetrics.Cost.Add((double)p.CostUsd, tenant, Tag(TelemetryTags.CostCategory, p.Category), Tag(TelemetryTags.CostItem, p.Item));
                break;
            case BudgetExceeded:
                FaMetrics.BudgetExceeded.Add(1, tenant);
                break;
        }
    }

    private static void Finished(RunEvent e, RunState after, string status, string code)
    {
        var tenant = Tag(TelemetryTags.Tenant, e.TenantId);
        var statusTag = Tag(TelemetryTags.Status, status);
        FaMetrics.RunsFinished.Add(1, tenant, Tag(TelemetryTags.Source, after.Source), statusTag, Tag(TelemetryTags.FailureCode, code));
        if (after.StartedAt is { } started)
        {
            FaMetrics.RunDuration.Record(Math.Max(0, (e.OccurredAt - started).TotalSeconds), tenant, statusTag);
        }
    }

    private static void Decided(string tool, PolicyAction action, IReadOnlyList<PolicyRuleMatch> rules)
    {
        var toolTag = Tag(TelemetryTags.Tool, tool);
        var actionTag = Tag(TelemetryTags.PolicyAction, PolicyActionText.ToText(action));
        if (rules.Count == 0)
        {
            // No rule matched: the policy's default decided, and that is a decision worth counting too.
            FaMetrics.PolicyDecisions.Add(1, toolTag, actionTag, Tag(TelemetryTags.PolicyRule, "(default)"));
            return;
        }

        foreach (var rule in rules)
        {
            FaMetrics.PolicyDecisions.Add(1, toolTag, actionTag, Tag(TelemetryTags.PolicyRule, rule.Name));
        }
    }

    private async Task RecordWaitAsync(EventPayload payload, RunEvent e, RunState after, CancellationToken cancellationToken)
    {
        var (stepId, outcome) = payload switch
        {
            HumanApproved p => (p.StepId, "approved"),
            HumanRejected p => (p.StepId, "rejected"),
            ApprovalExpired p => (p.StepId, "expired"),
            _ => (string.Empty, string.Empty),
        };
        var tool = after.FindStep(stepId)?.Tool ?? string.Empty;
        FaMetrics.ApprovalsPending.Add(-1, Tag(TelemetryTags.Tenant, e.TenantId), Tag(TelemetryTags.Tool, tool));
        if (_journal is null || e.CausationSeq is not { } requestedSeq)
        {
            return;
        }

        await foreach (var requested in _journal.ReadAsync(e.RunId, requestedSeq, requestedSeq, cancellationToken))
        {
            if (requested.Type == nameof(ApprovalRequested))
            {
                RunTelemetry.RecordApprovalWait(after, tool, outcome, requested.OccurredAt, e.OccurredAt);
            }
        }
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
