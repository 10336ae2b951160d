namespace FunctionAgents.Domain.Events;

/// <summary>Turns drafts into journal events: assigns Seq, time, envelope and the hash chain.</summary>
public static class EventSealer
{
    /// <summary>The schema version this build writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <param name="run">The run's shared envelope values.</param>
    /// <param name="nextSeq">Seq of the first draft (1 for a new run).</param>
    /// <param name="prevHash">Hash of the event at <paramref name="nextSeq"/> - 1, or <see cref="EventHasher.GenesisHash"/>.</param>
    /// <param name="now">The engine clock's time; every draft of one batch gets the same time.</param>
    /// <param name="drafts">The events to seal, in order.</param>
    /// <param name="traceParent">The W3C trace parent of the span appending the batch; the run's own when null.</param>
    public static IReadOnlyList<RunEvent> Seal(
        RunIdentity run, long nextSeq, string prevHash, DateTimeOffset now, IEnumerable<EventDraft> drafts, string? traceParent = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(drafts);
        var sealedEvents = new List<RunEvent>();
        var seq = nextSeq;
        var previous = prevHash;
        var time = now.ToUniversalTime();

        // TraceParent is outside the hash: the chain does not depend on whether anything was listening.
        traceParent ??= run.TraceParent;
        foreach (var draft in drafts)
        {
            var payload = EventSerializer.SerializePayload(draft.Payload);
            var type = draft.Payload.EventType;
            var hash = EventHasher.Compute(
                previous, run.RunId, seq, type, time, draft.Actor, run.TenantId, run.CorrelationId, draft.CausationSeq, payload);
            sealedEvents.Add(new RunEvent(
                run.RunId, seq, type, draft.Actor, time, run.TenantId, run.CorrelationId, draft.CausationSeq,
                traceParent, CurrentSchemaVersion, payload, previous, hash));
            previous = hash;
            seq++;
        }

        return sealedEvents;
    }
}

/// <summary>An event an activity wants to append, before the journal position and hash are assigned.</summary>
/// <param name="Actor">One of <see cref="Actors"/>.</param>
/// <param name="Payload">The typed payload.</param>
/// <param name="CausationSeq">The Seq of the event that led to this one, if any.</param>
public sealed record EventDraft(string Actor, EventPayload Payload, long? CausationSeq);

/// <summary>The envelope values every event of one run shares.</summary>
public sealed record RunIdentity(string RunId, string TenantId, string CorrelationId, string TraceParent);
