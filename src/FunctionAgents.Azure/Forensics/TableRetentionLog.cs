using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Forensics.Retention;

namespace FunctionAgents.Azure.Forensics;

/// <summary>The retention log in its own table: PartitionKey = tenant, RowKey = RunId, one row per purged run. Never purged.</summary>
public sealed class TableRetentionLog : IRetentionLog
{
    private readonly TableStorageClient _client;

    public TableRetentionLog(TableStorageClient client, string tableName = ForensicsTables.RetentionLogTable)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        TableName = tableName;
    }

    public string TableName { get; }

    public Task CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _client.CreateTableIfNotExistsAsync(TableName, cancellationToken);

    public Task WriteAsync(RetentionLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new TableEntity(AuditKeys.Escape(entry.TenantId), AuditKeys.Escape(entry.RunId))
        {
            ["RunId"] = entry.RunId,
            ["TenantId"] = entry.TenantId,
            ["CorrelationId"] = entry.CorrelationId,
            ["CreatedAt"] = entry.CreatedAt.UtcDateTime,
            ["LastEventAt"] = entry.LastEventAt.UtcDateTime,
            ["EventsRemoved"] = entry.EventsRemoved,
            ["RowsRemoved"] = entry.RowsRemoved,
            ["PurgedBy"] = entry.PurgedBy,
            ["PurgedAt"] = entry.PurgedAt.UtcDateTime,
            ["Reason"] = entry.Reason,
            ["Cutoff"] = entry.Cutoff.UtcDateTime,
            ["Status"] = entry.Status == PurgeStatus.Completed ? "completed" : "started",
        };
        return _client.UpsertEntityAsync(TableName, row, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<RetentionLogEntry> ReadAsync(string? tenantId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = new TableQuery { Filter = tenantId is null ? null : TableFilter.Create($"PartitionKey eq {AuditKeys.Escape(tenantId)}") };
        await foreach (var row in _client.QueryAsync(TableName, query, cancellationToken))
        {
            yield return new RetentionLogEntry(
                row.GetString("RunId") ?? row.RowKey,
                row.GetString("TenantId") ?? row.PartitionKey,
                row.GetString("CorrelationId") ?? string.Empty,
                Utc(row.GetDateTime("CreatedAt")),
                Utc(row.GetDateTime("LastEventAt")),
                row.GetInt64("EventsRemoved") ?? 0,
                row.GetInt64("RowsRemoved") ?? 0,
                row.GetString("PurgedBy") ?? string.Empty,
                Utc(row.GetDateTime("PurgedAt")),
                row.GetString("Reason") ?? string.Empty,
                Utc(row.GetDateTime("Cutoff")),
                row.GetString("Status") == "completed" ? PurgeStatus.Completed : PurgeStatus.Started);
        }
    }

    private static DateTimeOffset Utc(DateTime? value) => new(DateTime.SpecifyKind(value ?? default, DateTimeKind.Utc));
}
