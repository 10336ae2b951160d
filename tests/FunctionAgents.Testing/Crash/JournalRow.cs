namespace FunctionAgents.Testing.Crash;

/// <summary>One journal row as stored: its Seq (the RowKey), event type and payload JSON (first chunk).</summary>
public sealed record JournalRow(long Seq, string EventType, string Payload);
