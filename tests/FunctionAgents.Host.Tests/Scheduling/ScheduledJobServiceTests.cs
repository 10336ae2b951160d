using System.Collections.Concurrent;
using FunctionAgents.Azure.Scheduling;
using FunctionAgents.Host.Scheduling;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Runtime.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Host.Tests.Scheduling;

public sealed class ScheduledJobServiceTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 10, 10, 30, 0, TimeSpan.Zero);
    private static readonly CronSchedule Hourly = CronSchedule.Parse("0 0 * * * *");

    [Fact]
    public async Task Execute_EachOccurrence_RunsTheJobOnceWithItsTime()
    {
        // Arrange
        var clock = new ManualTimeProvider(Start);
        var job = new RecordingJob();
        using var service = Service(clock, new InMemoryMonitor(), Registration(job));
        await service.StartAsync(CancellationToken.None);

        // Act
        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromMinutes(30));
        await Until(() => job.Ticks.Count == 1);
        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromHours(1));
        await Until(() => job.Ticks.Count == 2);
        await service.StopAsync(CancellationToken.None);

        // Assert
        var ticks = job.Ticks.ToArray();
        Assert.Equal([Start.AddMinutes(30), Start.AddMinutes(90)], ticks.Select(t => t.ScheduledAt));
        Assert.All(ticks, t => Assert.False(t.IsPastDue));
        Assert.Null(ticks[0].Last);
        Assert.Equal(Start.AddMinutes(30), ticks[1].Last);
        Assert.Equal(Start.AddMinutes(150), ticks[1].Next);
    }

    [Fact]
    public async Task Execute_JobStillRunningAtLaterOccurrences_NeverOverlapsAndSkipsThem()
    {
        // Arrange
        var clock = new ManualTimeProvider(Start);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = new RecordingJob(first: release.Task);
        using var service = Service(clock, new InMemoryMonitor(), Registration(job));
        await service.StartAsync(CancellationToken.None);
        await WaitForTimerAsync(clock);

        // Act
        clock.Advance(TimeSpan.FromMinutes(30));
        await Until(() => job.Ticks.Count == 1);
        clock.Advance(TimeSpan.FromHours(3.5));
        await Task.Delay(200);
        var whileBusy = job.Ticks.Count;
        release.SetResult();
        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromMinutes(30));
        await Until(() => job.Ticks.Count == 2);
        await service.StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, whileBusy);
        Assert.Equal(1, job.MaxConcurrent);
        Assert.Equal([Start.AddMinutes(30), Start.AddHours(4).AddMinutes(30)], job.Ticks.Select(t => t.ScheduledAt));
    }

    [Fact]
    public async Task Execute_OccurrenceMissedWhileDown_RunsOnceAtStartupAsPastDue()
    {
        // Arrange
        var clock = new ManualTimeProvider(Start);
        var monitor = new InMemoryMonitor();
        var missed = new DateTimeOffset(2025, 6, 9, 2, 0, 0, TimeSpan.Zero);
        await monitor.SetAsync("nightly", new ScheduleStatus(missed.AddDays(-1), missed, missed.AddDays(-1)));
        var job = new RecordingJob();
        var nightly = new ScheduledJobRegistration("nightly", CronSchedule.Parse("0 0 2 * * *"), false, _ => job);
        using var service = Service(clock, monitor, nightly);

        // Act
        await service.StartAsync(CancellationToken.None);
        await Until(() => job.Ticks.Count == 1);
        await WaitForTimerAsync(clock);
        await service.StopAsync(CancellationToken.None);

        // Assert
        var tick = Assert.Single(job.Ticks);
        Assert.True(tick.IsPastDue);
        Assert.Equal(missed, tick.ScheduledAt);
        var status = await monitor.GetAsync("nightly");
        Assert.Equal(missed, status!.Last);
        Assert.Equal(new DateTimeOffset(2025, 6, 11, 2, 0, 0, TimeSpan.Zero), status.Next);
    }

    [Fact]
    public async Task Execute_RunOnStartup_RunsAtOnceNotPastDue()
    {
        var clock = new ManualTimeProvider(Start);
        var job = new RecordingJob();
        using var service = Service(clock, new InMemoryMonitor(), new ScheduledJobRegistration("eager", Hourly, true, _ => job));

        await service.StartAsync(CancellationToken.None);
        await Until(() => job.Ticks.Count == 1);
        await service.StopAsync(CancellationToken.None);

        var tick = Assert.Single(job.Ticks);
        Assert.False(tick.IsPastDue);
        Assert.Equal(Start, tick.ScheduledAt);
    }

    [Fact]
    public async Task Execute_JobThrows_TheScheduleGoesOn()
    {
        var clock = new ManualTimeProvider(Start);
        var job = new RecordingJob(failFirst: true);
        using var service = Service(clock, new InMemoryMonitor(), Registration(job));
        await service.StartAsync(CancellationToken.None);

        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromMinutes(30));
        await Until(() => job.Ticks.Count == 1);
        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromHours(1));
        await Until(() => job.Ticks.Count == 2);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, job.Ticks.Count);
    }

    [Fact]
    public async Task Execute_NoJobs_DoesNothing()
    {
        var clock = new ManualTimeProvider(Start);
        using var service = Service(clock, new InMemoryMonitor());

        await service.StartAsync(CancellationToken.None);

        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(0, clock.PendingTimers);
    }

    private static ScheduledJobRegistration Registration(IScheduledJob job) => new("hourly", Hourly, false, _ => job);

    private static ScheduledJobService Service(ManualTimeProvider clock, IScheduleMonitor monitor, params ScheduledJobRegistration[] jobs) =>
        new(jobs, new ServiceCollection().BuildServiceProvider(), monitor, clock, NullLogger<ScheduledJobService>.Instance);

    private static Task WaitForTimerAsync(ManualTimeProvider clock) => Until(() => clock.PendingTimers > 0);

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never became true");
            await Task.Delay(10);
        }
    }

    private sealed class RecordingJob(Task? first = null, bool failFirst = false) : IScheduledJob
    {
        private int _running;

        public ConcurrentQueue<ScheduleTick> Ticks { get; } = new();

        public int MaxConcurrent { get; private set; }

        public async Task ExecuteAsync(ScheduleTick tick, CancellationToken cancellationToken)
        {
            var running = Interlocked.Increment(ref _running);
            MaxConcurrent = Math.Max(MaxConcurrent, running);
            var isFirst = Ticks.IsEmpty;
            Ticks.Enqueue(tick);
            try
            {
                if (isFirst && first is not null)
                {
                    await first;
                }

                if (isFirst && failFirst)
                {
                    throw new InvalidOperationException("the job failed");
                }
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    private sealed class InMemoryMonitor : IScheduleMonitor
    {
        private readonly ConcurrentDictionary<string, ScheduleStatus> _statuses = new();

        public Task<ScheduleStatus?> GetAsync(string jobName, CancellationToken cancellationToken = default) =>
            Task.FromResult(_statuses.TryGetValue(jobName, out var status) ? status : null);

        public Task SetAsync(string jobName, ScheduleStatus status, CancellationToken cancellationToken = default)
        {
            _statuses[jobName] = status;
            return Task.CompletedTask;
        }
    }
}
