namespace FunctionAgents.Runtime.Forensics;

/// <summary>The chain of causes of one event, from that event back towards the run's input.</summary>
/// <param name="FromSeq">The event the walk started at.</param>
/// <param name="Chain">The event first, then its cause, its cause's cause, … .</param>
/// <param name="ReachesInput">True when the chain ends at the run's RunStarted (the user's input).</param>
/// <param name="Break">Why the chain stops short of the input (a missing or impossible cause), or null.</param>
public sealed record CausationWalk(long FromSeq, IReadOnlyList<TimelineEntry> Chain, bool ReachesInput, string? Break);
