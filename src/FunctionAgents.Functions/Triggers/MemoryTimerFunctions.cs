using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Scheduling;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>The hourly purge of expired memory entries, on the schedule the local host's scheduler uses.</summary>
public sealed class MemoryTimerFunctions
{
    private readonly MemoryPurgeJob _purge;

    public MemoryTimerFunctions(MemoryPurgeJob purge) => _purge = purge;

    [Function("MemoryPurge")]
    public Task PurgeAsync([TimerTrigger(MemoryPurgeJob.DefaultSchedule)] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        var now = DateTimeOffset.UtcNow;
        return _purge.ExecuteAsync(new ScheduleTick(now, timer.IsPastDue, null, now), context.CancellationToken);
    }
}
