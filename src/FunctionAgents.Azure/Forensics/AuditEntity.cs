using System.Text.Json;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Forensics.Audit;

namespace FunctionAgents.Azure.Forensics;

/// <summary>The audit table's row for an <see cref="AuditEntry"/>: its columns and the mapping both ways.</summary>
internal static class AuditEntity
{
    public const string TenantId = "TenantId";
    public const string RunId = "RunId";

    /// <summary>Free text longer than this is cut in the projection (the journal keeps the whole text at RunId:Seq).</summary>
    public const int MaxTextChars = 16_000;

    public static TableEntity ToEntity(AuditEntry entry, string partitionKey)
    {
        var why = entry.Justification;
        return new TableEntity(partitionKey, AuditKeys.RowKey(entry.OccurredAt, entry.RunId, entry.Seq))
        {
            [TenantId] = entry.TenantId,
            ["CorrelationId"] = entry.CorrelationId,
            [RunId] = entry.RunId,
            ["Seq"] = entry.Seq,
            ["OccurredAt"] = entry.OccurredAt.UtcDateTime,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Tool"] = entry.Tool,
            ["StepId"] = entry.StepId,
            ["Summary"] = Cut(entry.Summary),
            ["Rules"] = why.Rules.Count == 0 ? null : JsonSerializer.Serialize(why.Rules.ToList(), ForensicsTableJsonContext.Default.ListString),
            ["PolicyVersion"] = why.PolicyVersion,
            ["Reason"] = Cut(why.Reason),
            ["DecidedBy"] = why.DecidedBy,
            ["Approver"] = why.Approver,
            ["Comment"] = Cut(why.Comment),
            ["Model"] = why.Model,
            ["PromptVersion"] = why.PromptVersion,
        };
    }

    public static AuditEntry Read(TableEntity entity)
    {
        var rules = entity.GetString("Rules") is { } json
            ? JsonSerializer.Deserialize(json, ForensicsTableJsonContext.Default.ListString) ?? []
            : [];
        return new AuditEntry(
            Required(entity, TenantId),
            Required(entity, "CorrelationId"),
            Required(entity, RunId),
            entity.GetInt64("Seq") ?? throw new InvalidDataException($"Audit row {entity.PartitionKey}/{entity.RowKey} has no Seq."),
            new DateTimeOffset(DateTime.SpecifyKind(entity.GetDateTime("OccurredAt") ?? default, DateTimeKind.Utc)),
            Required(entity, "Actor"),
            Required(entity, "Action"),
            entity.GetString("Tool"),
            entity.GetString("StepId"),
            entity.GetString("Summary") ?? string.Empty,
            new AuditJustification(
                rules,
                entity.GetString("PolicyVersion"),
                entity.GetString("Reason"),
                entity.GetString("DecidedBy"),
                entity.GetString("Approver"),
                entity.GetString("Comment"),
                entity.GetString("Model"),
                entity.GetString("PromptVersion")));
    }

    private static string? Cut(string? text) => text is { Length: > MaxTextChars } ? text[..(MaxTextChars - 1)] + "…" : text;

    private static string Required(TableEntity entity, string name) =>
        entity.GetString(name) ?? throw new InvalidDataException($"Audit row {entity.PartitionKey}/{entity.RowKey} has no {name}.");
}
