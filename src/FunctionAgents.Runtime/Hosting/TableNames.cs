namespace FunctionAgents.Runtime.Hosting;

/// <summary>Every table the runtime writes, before any per-deployment prefix: the one place table names are spelled.</summary>
public static class TableNames
{
    /// <summary>The journal (setting FA_JOURNAL_TABLE overrides it).</summary>
    public const string Journal = "AgentEvents";

    /// <summary>Runs by tenant: PartitionKey = tenant, RowKey = run id.</summary>
    public const string RunsByTenant = "AgentRunsByTenant";

    /// <summary>Runs by creation day: PartitionKey = yyyyMMdd (UTC), RowKey = run id.</summary>
    public const string RunsByDay = "AgentRunsByDay";

    /// <summary>Scheduled jobs' last and next occurrences (the timer trigger's schedule monitor).</summary>
    public const string Schedules = "AgentSchedules";

    /// <summary>The audit log of who read or exported which run.</summary>
    public const string Audit = "AgentAudit";

    /// <summary>Signed chain checkpoints per run.</summary>
    public const string ChainCheckpoints = "AgentChainCheckpoints";

    /// <summary>What the retention purge deleted, and when.</summary>
    public const string RetentionLog = "AgentRetentionLog";

    /// <summary>Evaluation reports.</summary>
    public const string EvaluationReports = "AgentEvaluations";

    /// <summary>Per-run evaluation scores.</summary>
    public const string EvaluationScores = "AgentEvaluationScores";

    /// <summary>The sample ticket tool's tickets.</summary>
    public const string Tickets = "Tickets";

    /// <summary>The sample email tool's outbox.</summary>
    public const string EmailOutbox = "EmailOutbox";
}
