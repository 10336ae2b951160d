namespace FunctionAgents.Runtime.Hosting;

/// <summary>
/// Persists each job's <see cref="ScheduleStatus"/> so an occurrence missed while the host was down is
/// detected at startup (the timer trigger's <c>UseMonitor</c>).
/// </summary>
public interface IScheduleMonitor
{
    Task<ScheduleStatus?> GetAsync(string jobName, CancellationToken cancellationToken = default);

    Task SetAsync(string jobName, ScheduleStatus status, CancellationToken cancellationToken = default);
}
