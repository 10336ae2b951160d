using FunctionAgents.Domain.Forensics.Explaining;

namespace FunctionAgents.Runtime.Forensics;

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
