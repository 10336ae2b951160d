using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Forensics;

/// <summary>Turns a run's events into a readable timeline, each entry explained by <see cref="EventExplainer"/>.</summary>
public static class Timeline
{
    /// <summary>The entries in Seq order; elapsed times count from the first event.</summary>
    public static IReadOnlyList<TimelineEntry> Build(IEnumerable<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.OrderBy(e => e.Seq).ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        var start = ordered[0].OccurredAt;
        return [.. ordered.Select(e => Entry(e, start))];
    }

    /// <summary>The run's timeline with its identity and the status its events fold to; null when there are no events.</summary>
    public static RunTimeline? ForRun(IReadOnlyList<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return null;
        }

        var state = RunEvolver.Fold(events.OrderBy(e => e.Seq));
        return new RunTimeline(state.RunId, state.TenantId, state.CorrelationId, state.Status, Build(events));
    }

    /// <summary>One explained event; its elapsed time counts from <paramref name="runStart"/>.</summary>
    public static TimelineEntry Entry(RunEvent e, DateTimeOffset runStart)
    {
        ArgumentNullException.ThrowIfNull(e);
        var explanation = EventExplainer.Explain(e);
        return new TimelineEntry(
            e.Seq, e.OccurredAt, e.OccurredAt - runStart, e.Type, e.Actor, e.CausationSeq, explanation.Title, explanation.Summary, explanation.Tags);
    }
}

/// <summary>A whole run as a readable timeline, with the status it ended (or is) in.</summary>
public sealed record RunTimeline(string RunId, string TenantId, string CorrelationId, RunStatus Status, IReadOnlyList<TimelineEntry> Entries);

/// <summary>One event of a run as a reader sees it: when, who, what caused it, and what it means.</summary>
/// <param name="Elapsed">Time since the run's first event.</param>
/// <param name="CausationSeq">The Seq of the event that led to this one, if any.</param>
public sealed record TimelineEntry(
    long Seq,
    DateTimeOffset OccurredAt,
    TimeSpan Elapsed,
    string Type,
    string Actor,
    long? CausationSeq,
    string Title,
    string Summary,
    IReadOnlyList<EventTag> Tags);
