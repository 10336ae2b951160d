using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Azure.Journal;

/// <summary>
/// The journal's public table layout: PartitionKey = RunId, RowKey = Seq as 10 digits, then EventType,
/// EventTime (Edm.DateTime, UTC), Actor, TenantId, CorrelationId, CausationSeq (Edm.Int64, absent when
/// none), TraceParent, SchemaVersion (Edm.Int32), Payload (continued in Payload_1, Payload_2, … past
/// 32,000 characters), PrevHash and Hash.
/// </summary>
internal static class JournalEntity
{
    public const int PayloadChunkChars = 32_000;

    public const long MaxSeq = 9_999_999_999;

    public static string RowKey(long seq) => seq.ToString("D10", CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Seq is < 1 or > MaxSeq)
        {
            throw new ArgumentOutOfRangeException(nameof(e), e.Seq, $"Seq of run {e.RunId} must be 1 to {MaxSeq} to fit the 10-digit RowKey.");
        }

        var entity = new TableEntity(e.RunId, RowKey(e.Seq))
        {
            ["EventType"] = e.Type,
            ["EventTime"] = e.OccurredAt.UtcDateTime,
            ["Actor"] = e.Actor,
            ["TenantId"] = e.TenantId,
            ["CorrelationId"] = e.CorrelationId,
            ["TraceParent"] = e.TraceParent,
            ["SchemaVersion"] = e.SchemaVersion,
            ["PrevHash"] = e.PrevHash,
            ["Hash"] = e.Hash,
        };
        if (e.CausationSeq is { } causation)
        {
            // Absent, not null, when there is none: the public layout has no null properties.
            entity["CausationSeq"] = causation;
        }

        var payload = e.Payload;
        for (int chunk = 0, start = 0; start < payload.Length || chunk == 0; chunk++, start += PayloadChunkChars)
        {
            entity[chunk == 0 ? "Payload" : $"Payload_{chunk}"] = payload.Substring(start, Math.Min(PayloadChunkChars, payload.Length - start));
        }

        return entity;
    }

    /// <summary>Rebuilds the event from a stored row; throws <see cref="FormatException"/> when the row is not a journal event.</summary>
    public static RunEvent FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.RowKey.Length != 10 || !long.TryParse(entity.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            throw new FormatException($"Row '{entity.RowKey}' of run {entity.PartitionKey} is not a 10-digit Seq.");
        }

        var time = entity.GetDateTime("EventTime") ?? throw new FormatException($"Event {entity.PartitionKey}:{seq} has no EventTime.");
        return new RunEvent(
            entity.PartitionKey,
            seq,
            Required(entity, "EventType", seq),
            Required(entity, "Actor", seq),
            new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            Required(entity, "TenantId", seq),
            Required(entity, "CorrelationId", seq),
            entity.GetInt64("CausationSeq"),
            entity.GetString("TraceParent") ?? string.Empty,
            entity.GetInt32("SchemaVersion") ?? throw new FormatException($"Event {entity.PartitionKey}:{seq} has no SchemaVersion."),
            Payload(entity, seq),
            Required(entity, "PrevHash", seq),
            Required(entity, "Hash", seq));
    }

    private static string Payload(TableEntity entity, long seq)
    {
        var first = Required(entity, "Payload", seq);
        if (entity.GetString("Payload_1") is null)
        {
            return first;
        }

        var text = new StringBuilder(first);
        for (var chunk = 1; entity.GetString($"Payload_{chunk}") is { } part; chunk++)
        {
            text.Append(part);
        }

        return text.ToString();
    }

    private static string Required(TableEntity entity, string name, long seq) =>
        entity.GetString(name) ?? throw new FormatException($"Event {entity.PartitionKey}:{seq} has no {name}.");
}
