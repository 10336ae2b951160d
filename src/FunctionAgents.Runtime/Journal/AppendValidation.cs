using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Journal;

/// <summary>The checks every journal makes before it writes anything.</summary>
public static class AppendValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> unless the batch is 1..100 events of this run at consecutive Seqs from <paramref name="expectedNextSeq"/>.</summary>
    public static void Check(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(events);
        if (expectedNextSeq < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedNextSeq), expectedNextSeq, "Seq starts at 1.");
        }

        if (events.Count == 0 || events.Count > IEventJournal.MaxEventsPerAppend)
        {
            throw new ArgumentException(
                $"An append carries 1 to {IEventJournal.MaxEventsPerAppend} events; run {runId} got {events.Count}.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!string.Equals(e.RunId, runId, StringComparison.Ordinal) || e.Seq != expectedNextSeq + i)
            {
                throw new ArgumentException(
                    $"Event {i} of the append is {e.RunId}:{e.Seq}; expected {runId}:{expectedNextSeq + i}.", nameof(events));
            }
        }
    }
}
