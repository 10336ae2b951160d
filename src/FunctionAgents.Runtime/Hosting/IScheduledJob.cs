namespace FunctionAgents.Runtime.Hosting;

/// <summary>
/// Work that runs on a <see cref="CronSchedule"/>: an Azure Functions timer trigger in Azure, the local host's
/// scheduler locally. Invocations of one job never overlap.
/// </summary>
public interface IScheduledJob
{
    Task ExecuteAsync(ScheduleTick tick, CancellationToken cancellationToken);
}
