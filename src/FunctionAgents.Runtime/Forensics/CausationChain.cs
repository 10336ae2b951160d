using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Forensics;

/// <summary>Follows CausationSeq links from an event back to the run's input (its RunStarted).</summary>
public static class CausationChain
{
    /// <summary>Walks back from <paramref name="seq"/>; a cause that is missing or not earlier than its effect ends the walk with a <see cref="CausationWalk.Break"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seq"/> is not one of <paramref name="events"/>.</exception>
    public static CausationWalk Walk(IReadOnlyList<RunEvent> events, long seq)
    {
        ArgumentNullException.ThrowIfNull(events);
        var bySeq = new Dictionary<long, RunEvent>();
        foreach (var e in events)
        {
            bySeq.TryAdd(e.Seq, e);
        }

        if (!bySeq.TryGetValue(seq, out var current))
        {
            throw new ArgumentOutOfRangeException(nameof(seq), seq, $"The run has no event at Seq {seq}; it has {bySeq.Count} event(s).");
        }

        var start = bySeq.TryGetValue(1, out var first) ? first.OccurredAt : events.Min(e => e.OccurredAt);
        var chain = new List<TimelineEntry>();
        while (true)
        {
            chain.Add(Timeline.Entry(current, start));
            if (current.CausationSeq is not { } cause)
            {
                var isInput = current.Type == nameof(RunStarted);
                return new CausationWalk(seq, chain, isInput, isInput ? null : $"event {current.Seq} ({current.Type}) records no cause");
            }

            if (cause >= current.Seq)
            {
                return new CausationWalk(seq, chain, false, $"event {current.Seq} names Seq {cause} as its cause, which is not earlier than itself");
            }

            if (!bySeq.TryGetValue(cause, out var next))
            {
                return new CausationWalk(seq, chain, false, $"event {current.Seq} names Seq {cause} as its cause, which is not in the journal");
            }

            current = next;
        }
    }
}

/// <summary>The chain of causes of one event, from that event back towards the run's input.</summary>
/// <param name="FromSeq">The event the walk started at.</param>
/// <param name="Chain">The event first, then its cause, its cause's cause, … .</param>
/// <param name="ReachesInput">True when the chain ends at the run's RunStarted (the user's input).</param>
/// <param name="Break">Why the chain stops short of the input (a missing or impossible cause), or null.</param>
public sealed record CausationWalk(long FromSeq, IReadOnlyList<TimelineEntry> Chain, bool ReachesInput, string? Break);
