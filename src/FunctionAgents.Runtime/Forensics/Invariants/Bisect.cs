using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Forensics.Invariants;

/// <summary>
/// Finds where an invariant starts to fail: the first Seq inside a run (binary search over versions), or the first
/// run of a window. A run is read from the journal once and its versions are folded in memory: the invariant is
/// evaluated at most 1 + ⌈log₂ n⌉ times and at most 2n events are folded.
/// </summary>
public static partial class Bisect
{
    /// <summary>Reads the run once and bisects its versions; a run with no events holds trivially.</summary>
    public static async Task<BisectResult> FirstFailingSeqAsync(
        IEventJournal journal, string runId, IRunInvariant invariant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var events = await ReadRunAsync(journal, runId, cancellationToken);
        return FirstFailingSeq(runId, events, invariant) with { JournalReads = 1 };
    }

    /// <summary>
    /// Binary search over the versions of <paramref name="events"/> (in Seq order) for the first after which
    /// <paramref name="invariant"/> fails. Exact for prefix-monotonic invariants; see <see cref="ScanFirstFailingSeq"/> otherwise.
    /// </summary>
    public static BisectResult FirstFailingSeq(string runId, IReadOnlyList<RunEvent> events, IRunInvariant invariant)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(invariant);
        var counter = new Counter(invariant);
        var final = counter.Fold(RunState.Empty, events, 0, events.Count);
        var last = counter.Check(final);
        if (last.Holds)
        {
            return counter.Result(runId, events.Count, null, null);
        }

        // Invariant of the search: the version after `good` events holds (none: the empty run), after `bad` events it fails.
        var good = 0;
        var goodState = RunState.Empty;
        var bad = events.Count;
        var violation = last.Violation;
        while (bad - good > 1)
        {
            var middle = good + ((bad - good) / 2);
            var state = counter.Fold(goodState, events, good, middle);
            var result = counter.Check(state);
            if (result.Holds)
            {
                good = middle;
                goodState = state;
            }
            else
            {
                bad = middle;
                violation = result.Violation;
            }
        }

        return counter.Result(runId, events.Count, events[bad - 1].Seq, violation);
    }

    /// <summary>Checks every version in order: n checks, exact for any invariant, monotonic or not.</summary>
    public static BisectResult ScanFirstFailingSeq(string runId, IReadOnlyList<RunEvent> events, IRunInvariant invariant)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(invariant);
        var counter = new Counter(invariant);
        var state = RunState.Empty;
        for (var i = 0; i < events.Count; i++)
        {
            state = counter.Fold(state, events, i, i + 1);
            var result = counter.Check(state);
            if (!result.Holds)
            {
                return counter.Result(runId, events.Count, events[i].Seq, result.Violation);
            }
        }

        return counter.Result(runId, events.Count, null, null);
    }

    private static async Task<List<RunEvent>> ReadRunAsync(IEventJournal journal, string runId, CancellationToken cancellationToken)
    {
        var events = new List<RunEvent>();
        await foreach (var e in journal.ReadAsync(runId, cancellationToken: cancellationToken))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Counts the work of one search so results can show it is logarithmic.</summary>
    private sealed class Counter(IRunInvariant invariant)
    {
        public int Checks { get; private set; }

        public int Evolves { get; private set; }

        public RunState Fold(RunState from, IReadOnlyList<RunEvent> events, int start, int end)
        {
            var state = from;
            for (var i = start; i < end; i++)
            {
                state = RunEvolver.Evolve(state, events[i]);
            }

            Evolves += end - start;
            return state;
        }

        public InvariantResult Check(RunState state)
        {
            Checks++;
            return invariant.Check(state);
        }

        public BisectResult Result(string runId, long events, long? seq, string? violation) =>
            new(runId, invariant.Name, events, seq, violation, Checks, Evolves, 0);
    }
}
