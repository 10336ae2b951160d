using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Forensics;

/// <summary>
/// The audit projection in one table, each action written once, under <c>&lt;tenant&gt;|d|&lt;yyyyMMdd&gt;</c>, RowKey
/// <c>&lt;ticks&gt;|&lt;runId&gt;|&lt;seq&gt;</c>: one idempotent upsert transaction per append. "Everything for this
/// correlation id" is derived at query time: one range query over the tenant's day partitions in the window, filtered on
/// the CorrelationId column. A query reads only partitions whose key starts with the caller's tenant, so it can never
/// return another tenant's rows. (Rows written before this layout also sit under <c>&lt;tenant&gt;|c|&lt;correlationId&gt;</c>;
/// queries no longer read those copies, and retention still deletes them.) Call <see cref="CreateTableIfNotExistsAsync"/> once at startup.
/// </summary>
public sealed class TableAuditLog : IAuditLog, IAuditWriter, IJournalProjection
{
    /// <summary>The longest time range a tenant-wide query (no correlation id) reads, in days: one partition per day.</summary>
    public const int MaxTenantQueryDays = 3700;

    private readonly TableStorageClient _client;

    public TableAuditLog(TableStorageClient client, string tableName = ForensicsTables.AuditTable)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        TableName = tableName;
    }

    public string TableName { get; }

    public Task CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _client.CreateTableIfNotExistsAsync(TableName, cancellationToken);

    public Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default) =>
        WriteAsync(AuditProjection.ToEntries(appended, after), cancellationToken);

    /// <summary>Upserts each entry under its day partition: one transaction per day (at most 100 rows each), so one per append.</summary>
    public Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = entries.Select(e => AuditEntity.ToEntity(e, AuditKeys.ByDay(e.TenantId, DateOnly.FromDateTime(e.OccurredAt.UtcDateTime))));
        return TableBatches.UpsertAsync(_client, TableName, rows, cancellationToken);
    }

    /// <exception cref="ArgumentException">A tenant-wide range is longer than <see cref="MaxTenantQueryDays"/> days.</exception>
    public async IAsyncEnumerable<AuditEntry> QueryAsync(
        string tenantId, string? correlationId, DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (until <= from)
        {
            yield break;
        }

        var first = DateOnly.FromDateTime(from.UtcDateTime);
        var last = DateOnly.FromDateTime(until.UtcDateTime.AddTicks(-1));
        if (correlationId is null && last.DayNumber - first.DayNumber >= MaxTenantQueryDays)
        {
            throw new ArgumentException($"A tenant-wide audit covers at most {MaxTenantQueryDays} days; narrow the range or give a correlation id.", nameof(until));
        }

        // Day partitions sort by date, rows by time within a day: one range query returns the window in time order.
        var filter = TableFilter.Create(
            $"PartitionKey ge {AuditKeys.ByDay(tenantId, first)} and PartitionKey le {AuditKeys.ByDay(tenantId, last)} and RowKey ge {AuditKeys.TimePrefix(from)} and RowKey lt {AuditKeys.TimePrefix(until)}");
        if (correlationId is not null)
        {
            filter += " and " + TableFilter.Create($"CorrelationId eq {correlationId}");
        }

        await foreach (var row in _client.QueryAsync(TableName, new TableQuery { Filter = filter }, cancellationToken))
        {
            var entry = AuditEntity.Read(row);
            if (!string.Equals(entry.TenantId, tenantId, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Audit row {row.PartitionKey}/{row.RowKey} names tenant '{entry.TenantId}' inside a partition of '{tenantId}'; refusing to return it.");
            }

            yield return entry;
        }
    }
}
