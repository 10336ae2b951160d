namespace FunctionAgents.Host;

/// <summary>Every log message of the local host.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Azurite was not running; started it (pid {ProcessId}, queue port {QueuePort}, table port {TablePort}) from {Script}. It stops with the host.")]
    public static partial void AzuriteStarted(ILogger logger, int processId, int queuePort, int tablePort, string script);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Stopped the Azurite this host started (pid {ProcessId})")]
    public static partial void AzuriteStopped(ILogger logger, int processId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Storage ready ({Connection}); {TableCount} tables and the run queues exist")]
    public static partial void StorageReady(ILogger logger, string connection, int tableCount);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "planner: {Planner}; response builder: {ResponseBuilder}; tools: {Tools}; policy version {PolicyVersion}")]
    public static partial void RuntimeReady(ILogger logger, string planner, string responseBuilder, string tools, string policyVersion);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "FA_API_KEYS is not set: generated an API key for tenant '{Tenant}' (Development only). Send it as x-functions-key: {Key}")]
    public static partial void GeneratedKey(ILogger logger, string tenant, string key);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Sweeper repaired {Count} run(s) without a live orchestration: {RunIds}")]
    public static partial void Swept(ILogger logger, int count, string runIds);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Sweeping for stranded runs failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Scheduled job {Job}: running the occurrence of {ScheduledAt:O} (past due: {IsPastDue})")]
    public static partial void JobStarting(ILogger logger, string job, DateTimeOffset scheduledAt, bool isPastDue);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Scheduled job {Job} failed on the occurrence of {ScheduledAt:O}; the schedule goes on")]
    public static partial void JobFailed(ILogger logger, string job, DateTimeOffset scheduledAt, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Scheduled job {Job} ({Schedule}): next occurrence {Next:O}")]
    public static partial void JobScheduled(ILogger logger, string job, string schedule, DateTimeOffset next);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Scheduled job {Job}: reading or writing its schedule status failed")]
    public static partial void MonitorFailed(ILogger logger, string job, Exception exception);
}
