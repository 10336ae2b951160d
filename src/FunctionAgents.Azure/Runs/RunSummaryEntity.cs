using System.Globalization;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Runs;

/// <summary>The table row of a <see cref="RunSummary"/>: its column names and the mapping both ways.</summary>
internal static class RunSummaryEntity
{
    public const string TenantId = "TenantId";
    public const string RunId = "RunId";
    public const string Status = "Status";
    public const string Finished = "Finished";
    public const string Goal = "Goal";
    public const string CorrelationId = "CorrelationId";
    public const string CreatedAt = "CreatedAt";
    public const string UpdatedAt = "UpdatedAt";
    public const string LastSeq = "LastSeq";
    public const string CostUsd = "CostUsd";
    public const string Source = "Source";

    public static TableEntity ForTenant(RunSummary summary) => Fill(new TableEntity(summary.TenantId, summary.RunId), summary);

    public static TableEntity ForDay(RunSummary summary) =>
        Fill(new TableEntity(summary.CreatedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), summary.RunId), summary);

    public static RunSummary Read(TableEntity entity)
    {
        var statusName = entity.GetString(Status);
        return new RunSummary(
            entity.GetString(TenantId) ?? entity.PartitionKey,
            entity.GetString(RunId) ?? entity.RowKey,
            RunStatusNames.TryParse(statusName, out var status) ? status : RunStatus.NotStarted,
            entity.GetString(Goal) ?? string.Empty,
            entity.GetString(CorrelationId) ?? string.Empty,
            Utc(entity.GetDateTime(CreatedAt)),
            Utc(entity.GetDateTime(UpdatedAt)),
            entity.GetInt64(LastSeq) ?? 0,
            decimal.TryParse(entity.GetString(CostUsd), NumberStyles.Number, CultureInfo.InvariantCulture, out var cost) ? cost : 0m,
            entity.GetString(Source) ?? string.Empty);
    }

    /// <summary>False for text that can never be a key (it would make the request itself invalid).</summary>
    public static bool IsUsableKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 1024 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static TableEntity Fill(TableEntity entity, RunSummary summary)
    {
        entity[TenantId] = summary.TenantId;
        entity[RunId] = summary.RunId;
        entity[Status] = RunStatusNames.ToName(summary.Status);
        entity[Finished] = summary.Status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled;
        entity[Goal] = summary.Goal;
        entity[CorrelationId] = summary.CorrelationId;
        entity[CreatedAt] = summary.CreatedAt.UtcDateTime;
        entity[UpdatedAt] = summary.UpdatedAt.UtcDateTime;
        entity[LastSeq] = summary.LastSeq;
        entity[CostUsd] = summary.CostUsd.ToString(CultureInfo.InvariantCulture);
        entity[Source] = summary.Source;
        return entity;
    }

    private static DateTimeOffset Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : DateTimeOffset.MinValue;
}
