namespace FunctionAgents.Domain.Events;

/// <summary>An event an activity wants to append, before the journal position and hash are assigned.</summary>
/// <param name="Actor">One of <see cref="Actors"/>.</param>
/// <param name="Payload">The typed payload.</param>
/// <param name="CausationSeq">The Seq of the event that led to this one, if any.</param>
public sealed record EventDraft(string Actor, EventPayload Payload, long? CausationSeq);
