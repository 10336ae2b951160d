using FunctionAgents.Azure.Scheduling;
using FunctionAgents.Runtime.Scheduling;


namespace FunctionAgents.Host.Scheduling;

/// <summary>
/// The local stand-in for Azure Functions timer triggers: runs each registered <see cref="IScheduledJob"/> at
/// every occurrence of its <see cref="CronSchedule"/> (UTC). One job's invocations never overlap: occurrences
/// that pass while it is still running are skipped, as the timer trigger does. With a schedule monitor, an
/// occurrence missed while the host was down runs once at startup with <see cref="ScheduleTick.IsPastDue"/> set;
/// <see cref="ScheduledJobRegistration.RunOnStartup"/> runs the job at every start. Does nothing without jobs.
/// </summary>
internal sealed class ScheduledJobService : BackgroundService
{
    /// <summary>Longest single wait; a far occurrence is approached in steps so clock changes are noticed.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private readonly IReadOnlyList<ScheduledJobRegistration> _jobs;
    private readonly IServiceProvider _services;
    private readonly IScheduleMonitor _monitor;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public ScheduledJobService(
        IEnumerable<ScheduledJobRegistration> jobs, IServiceProvider services, IScheduleMonitor monitor, TimeProvider clock, ILogger<ScheduledJobService> logger)
    {
        _jobs = [.. jobs];
        _services = services;
        _monitor = monitor;
        _clock = clock;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_jobs.Select(job => RunJobAsync(job, stoppingToken)));

    private async Task RunJobAsync(ScheduledJobRegistration job, CancellationToken stoppingToken)
    {
        try
        {
            var now = _clock.GetUtcNow();
            var (missed, status) = PastDueCheck.Evaluate(job.Schedule, await ReadStatusAsync(job.Name, stoppingToken), now);
            var last = status.Last;
            if (missed is { } occurrence)
            {
                last = await InvokeAsync(job, new ScheduleTick(occurrence, true, last, job.Schedule.NextAfter(now)), stoppingToken);
            }
            else if (job.RunOnStartup)
            {
                await InvokeAsync(job, new ScheduleTick(now, false, last, job.Schedule.NextAfter(now)), stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var next = job.Schedule.NextAfter(_clock.GetUtcNow());
                await WriteStatusAsync(job.Name, new ScheduleStatus(last, next, _clock.GetUtcNow()), stoppingToken);
                Log.JobScheduled(_logger, job.Name, job.Schedule.Expression, next);
                await WaitUntilAsync(next, stoppingToken);
                last = await InvokeAsync(job, new ScheduleTick(next, false, last, job.Schedule.NextAfter(next)), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        for (var left = due - _clock.GetUtcNow(); left > TimeSpan.Zero; left = due - _clock.GetUtcNow())
        {
            await Task.Delay(left < MaxWait ? left : MaxWait, _clock, stoppingToken);
        }
    }

    /// <summary>Runs one invocation; a failure is logged and the schedule goes on. Returns the occurrence as the new "last".</summary>
    private async Task<DateTimeOffset> InvokeAsync(ScheduledJobRegistration job, ScheduleTick tick, CancellationToken stoppingToken)
    {
        Log.JobStarting(_logger, job.Name, tick.ScheduledAt, tick.IsPastDue);
        try
        {
            await job.Create(_services).ExecuteAsync(tick, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Log.JobFailed(_logger, job.Name, tick.ScheduledAt, ex);
        }

        return tick.ScheduledAt;
    }

    private async Task<ScheduleStatus?> ReadStatusAsync(string job, CancellationToken stoppingToken)
    {
        try
        {
            return await _monitor.GetAsync(job, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.MonitorFailed(_logger, job, ex);
            return null;
        }
    }

    private async Task WriteStatusAsync(string job, ScheduleStatus status, CancellationToken stoppingToken)
    {
        try
        {
            await _monitor.SetAsync(job, status, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.MonitorFailed(_logger, job, ex);
        }
    }
}
