using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Audit;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Forensics;

/// <summary>
/// The audit projection in one table, each action written twice: under <c>&lt;tenant&gt;|c|&lt;correlationId&gt;</c> for
/// "everything for this correlation id" and under <c>&lt;tenant&gt;|d|&lt;yyyyMMdd&gt;</c> for "everything of this tenant",
/// RowKey <c>&lt;ticks&gt;|&lt;runId&gt;|&lt;seq&gt;</c>. Writes are idempotent upserts, one transaction per partition; a
/// query reads only partitions whose key starts with the caller's tenant, so it can never return another tenant's rows.
/// Call <see cref="CreateTableIfNotExistsAsync"/> once at startup.
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

    /// <summary>Upserts each entry under its correlation partition and its day partition, one transaction per partition (at most 100 rows each).</summary>
    public Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = entries.SelectMany(e => (TableEntity[])
        [
            AuditEntity.ToEntity(e, AuditKeys.ByCorrelation(e.TenantId, e.CorrelationId)),
            AuditEntity.ToEntity(e, AuditKeys.ByDay(e.TenantId, DateOnly.FromDateTime(e.OccurredAt.UtcDateTime))),
        ]);
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

        foreach (var partition in Partitions(tenantId, correlationId, from, until))
        {
            var filter = TableFilter.Create($"PartitionKey eq {partition} and RowKey ge {AuditKeys.TimePrefix(from)} and RowKey lt {AuditKeys.TimePrefix(until)}");
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

    private static IEnumerable<string> Partitions(string tenantId, string? correlationId, DateTimeOffset from, DateTimeOffset until)
    {
        if (correlationId is not null)
        {
            return [AuditKeys.ByCorrelation(tenantId, correlationId)];
        }

        var first = DateOnly.FromDateTime(from.UtcDateTime);
        var last = DateOnly.FromDateTime(until.UtcDateTime.AddTicks(-1));
        if (last.DayNumber - first.DayNumber >= MaxTenantQueryDays)
        {
            throw new ArgumentException($"A tenant-wide audit covers at most {MaxTenantQueryDays} days; narrow the range or give a correlation id.", nameof(until));
        }

        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(d => AuditKeys.ByDay(tenantId, first.AddDays(d)));
    }
}
