using FunctionAgents.Azure.Scheduling;


namespace FunctionAgents.Host.Scheduling;

/// <summary>
/// The timer trigger's startup rule, as a pure function: an occurrence that was due while the host was down
/// (the stored <see cref="ScheduleStatus.Next"/> lies in the past) is run once, at once, as past due; the ones
/// in between are not replayed. A changed schedule recomputes the expected occurrence from the last run.
/// </summary>
internal static class PastDueCheck
{
    /// <returns>The missed occurrence (null when none) and the status to store before waiting for the next one.</returns>
    public static (DateTimeOffset? Missed, ScheduleStatus Status) Evaluate(CronSchedule schedule, ScheduleStatus? stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (stored is null)
        {
            return (null, new ScheduleStatus(null, schedule.NextAfter(now), now));
        }

        var expected = stored.Last is { } last ? schedule.NextAfter(last) : stored.Next;
        if (expected != stored.Next && stored.Last is not null)
        {
            // The schedule changed since the status was written: what is due follows the new schedule.
            stored = stored with { Next = expected };
        }

        return stored.Next <= now
            ? (stored.Next, stored)
            : (null, stored with { Next = schedule.NextAfter(now), LastUpdated = now });
    }
}
