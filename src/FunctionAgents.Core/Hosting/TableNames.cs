namespace FunctionAgents.Core.Hosting;

/// <summary>The tables this part of the runtime owns, before any per-deployment prefix.</summary>
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
}
