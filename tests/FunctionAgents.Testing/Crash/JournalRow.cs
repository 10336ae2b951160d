namespace FunctionAgents.Testing.Crash;

/// <summary>
/// One journal row as stored: its Seq (the RowKey), event type, the time its append batch was sealed (every event of
/// one atomic append carries the same EventTime) and the payload JSON (first chunk).
/// </summary>
public sealed record JournalRow(long Seq, string EventType, DateTimeOffset OccurredAt, string Payload);
