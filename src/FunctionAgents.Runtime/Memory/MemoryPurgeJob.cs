using FunctionAgents.Runtime.Scheduling;


namespace FunctionAgents.Runtime.Memory;

/// <summary>Deletes expired memory entries on a schedule (reads never return them in between).</summary>
public sealed class MemoryPurgeJob : IScheduledJob
{
    /// <summary>The job's name in the scheduler.</summary>
    public const string Name = "memory-purge";

    /// <summary>Hourly, at minute 17.</summary>
    public const string DefaultSchedule = "0 17 * * * *";

    private readonly IMemoryStore _store;
    private readonly TimeProvider _clock;

    public MemoryPurgeJob(IMemoryStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>How many entries the last run purged.</summary>
    public int LastPurged { get; private set; }

    public async Task ExecuteAsync(ScheduleTick tick, CancellationToken cancellationToken) =>
        LastPurged = await _store.PurgeExpiredAsync(_clock.GetUtcNow(), cancellationToken);
}
