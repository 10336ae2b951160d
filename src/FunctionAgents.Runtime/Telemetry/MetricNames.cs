namespace FunctionAgents.Runtime.Telemetry;

/// <summary>The names of the FunctionAgents instruments (units and tags in docs/telemetry.md).</summary>
public static class MetricNames
{
    /// <summary>Runs accepted (tenant, source).</summary>
    public const string RunsStarted = "fa.runs.started";

    /// <summary>Runs that ended (tenant, source, status, failure code).</summary>
    public const string RunsFinished = "fa.runs.finished";

    /// <summary>Start to final event, in seconds (tenant, status).</summary>
    public const string RunDuration = "fa.run.duration";

    /// <summary>One performed step, in seconds (kind, tool).</summary>
    public const string StepDuration = "fa.step.duration";

    /// <summary>Policy decisions, one point per matched rule (tool, action, rule).</summary>
    public const string PolicyDecisions = "fa.policy.decisions";

    /// <summary>Tool calls waiting for a human (tenant, tool).</summary>
    public const string ApprovalsPending = "fa.approvals.pending";

    /// <summary>Request to decision, in seconds (tool, action).</summary>
    public const string ApprovalWait = "fa.approval.wait";

    /// <summary>Model tokens (model, purpose, direction).</summary>
    public const string ModelTokens = "fa.model.tokens";

    /// <summary>Model call latency, in seconds (model, purpose).</summary>
    public const string ModelDuration = "fa.model.duration";

    /// <summary>Cost in USD (tenant, category, model or tool).</summary>
    public const string Cost = "fa.cost";

    /// <summary>Runs stopped by their budget (tenant).</summary>
    public const string BudgetExceeded = "fa.budget.exceeded";

    /// <summary>Journal append latency, in seconds (outcome).</summary>
    public const string JournalAppendDuration = "fa.journal.append.duration";

    /// <summary>Appends refused because another writer took the Seq (HTTP 409 from the table).</summary>
    public const string JournalConflicts = "fa.journal.conflicts";

    /// <summary>Messages moved to a poison queue (queue).</summary>
    public const string QueuePoison = "fa.queue.poison";

    /// <summary>An evaluation's mean candidate quality, 0..1 (evaluation).</summary>
    public const string EvaluationQuality = "fa.evaluation.quality";

    /// <summary>Policy regressions an evaluation found.</summary>
    public const string EvaluationRegressions = "fa.evaluation.regressions";

    /// <summary>Alerts an evaluation raised.</summary>
    public const string EvaluationAlerts = "fa.evaluation.alerts";
}
