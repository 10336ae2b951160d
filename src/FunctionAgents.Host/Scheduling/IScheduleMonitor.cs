namespace FunctionAgents.Host.Scheduling;

/// <summary>
/// Persists each job's <see cref="ScheduleStatus"/> so an occurrence missed while the host was down is
/// detected at startup (the timer trigger's <c>UseMonitor</c>).
/// </summary>
public interface IScheduleMonitor
{
    Task<ScheduleStatus?> GetAsync(string jobName, CancellationToken cancellationToken = default);

    Task SetAsync(string jobName, ScheduleStatus status, CancellationToken cancellationToken = default);
}

/// <summary>What a schedule monitor remembers of a job: the last occurrence run and the next one expected.</summary>
public sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
