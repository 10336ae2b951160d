namespace FunctionAgents.Domain.Events;

/// <summary>
/// One immutable, hash-chained event in a run's journal: the envelope plus the payload as its
/// canonical JSON text. The text is what is stored and hashed, so fields this version does not know
/// survive a read-write round trip untouched.
/// </summary>
public sealed record RunEvent(
    string RunId,
    long Seq,
    string Type,
    string Actor,
    DateTimeOffset OccurredAt,
    string TenantId,
    string CorrelationId,
    long? CausationSeq,
    string TraceParent,
    int SchemaVersion,
    string Payload,
    string PrevHash,
    string Hash)
{
    /// <summary>The payload as its typed record; throws <see cref="UnknownEventTypeException"/> for a type this version does not know.</summary>
    public EventPayload ReadPayload() => EventSerializer.DeserializePayload(Type, Payload);

    /// <summary>The payload as <typeparamref name="T"/>; throws if the event is of another type.</summary>
    public T PayloadAs<T>()
        where T : EventPayload
    {
        var payload = ReadPayload();
        return payload as T ?? throw new InvalidOperationException(
            $"Event {RunId}:{Seq} is {Type}, not {typeof(T).Name}.");
    }

    /// <summary>Recomputes the hash from the envelope fields; equal to <see cref="Hash"/> unless the event was altered.</summary>
    public string ComputeHash() => EventHasher.Compute(this);
}
