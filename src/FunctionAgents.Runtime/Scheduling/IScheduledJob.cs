namespace FunctionAgents.Runtime.Scheduling;

/// <summary>
/// Work that runs on a schedule (six-field NCRONTAB): an Azure Functions timer trigger in Azure, the local host's
/// scheduler locally. Invocations of one job never overlap.
/// </summary>
public interface IScheduledJob
{
    Task ExecuteAsync(ScheduleTick tick, CancellationToken cancellationToken);
}

/// <summary>One invocation of a scheduled job, with the timer trigger's <c>TimerInfo</c> semantics.</summary>
/// <param name="ScheduledAt">The occurrence this invocation is for (for a past-due one, the occurrence that was missed).</param>
/// <param name="IsPastDue">True when the occurrence was missed (the host was down) and this is the catch-up run at startup.</param>
/// <param name="Last">The previous occurrence that ran, if any.</param>
/// <param name="Next">The occurrence after this one.</param>
public sealed record ScheduleTick(DateTimeOffset ScheduledAt, bool IsPastDue, DateTimeOffset? Last, DateTimeOffset Next);
