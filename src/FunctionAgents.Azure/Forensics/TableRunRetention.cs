using System.Globalization;
using Azure.Data.Tables;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Forensics;

/// <summary>The retention port on Table Storage: the only code that deletes a run's journal, audit, checkpoint and index rows.</summary>
public sealed class TableRunRetention : IRunRetention
{
    private readonly TableStorageClient _client;
    private readonly ForensicsTables _tables;

    public TableRunRetention(TableStorageClient client, ForensicsTables tables)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tables);
        _client = client;
        _tables = tables;
    }

    public async Task<StoredRunRows> ReadAsync(string runId, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _client.QueryPartitionAsync(_tables.Journal, runId, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return new StoredRunRows([.. rows.Select(TryRead).OfType<RunEvent>()], [.. rows.Select(r => r.RowKey)]);
    }

    public async Task<RunRemoval> RemoveAsync(
        RunSummary run, string correlationId, IEnumerable<DateOnly> days, StoredRunRows rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(rows);
        long projectionRows = 0;
        foreach (var partition in days.Select(d => AuditKeys.ByDay(run.TenantId, d)).Prepend(AuditKeys.ByCorrelation(run.TenantId, correlationId)))
        {
            projectionRows += await DeleteWhereAsync(_tables.Audit, TableFilter.Create($"PartitionKey eq {partition} and RunId eq {run.RunId}"), cancellationToken);
        }

        projectionRows += await DeleteWhereAsync(_tables.Checkpoints, TableFilter.Create($"PartitionKey eq {run.RunId}"), cancellationToken);
        var eventsRemoved = await TableBatches.DeleteAsync(_client, _tables.Journal, rows.RowKeys.Select(key => (run.RunId, key)), cancellationToken);
        projectionRows += await DeleteIfPresentAsync(_tables.RunsByTenant, run.TenantId, run.RunId, cancellationToken);
        projectionRows += await DeleteIfPresentAsync(_tables.RunsByDay, run.CreatedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), run.RunId, cancellationToken);
        return new RunRemoval(eventsRemoved, projectionRows);
    }

    private async Task<long> DeleteWhereAsync(string table, string filter, CancellationToken cancellationToken) =>
        await TableBatches.DeleteAsync(_client, table, await TableBatches.KeysAsync(_client, table, filter, cancellationToken), cancellationToken);

    private async Task<long> DeleteIfPresentAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        await _client.DeleteEntityAsync(table, partitionKey, rowKey, cancellationToken: cancellationToken) ? 1 : 0;

    /// <summary>A row that is not a readable event (planted, damaged) is still deleted with its partition; it just tells nothing.</summary>
    private static RunEvent? TryRead(TableEntity row)
    {
        try
        {
            return JournalEntity.FromEntity(row);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
