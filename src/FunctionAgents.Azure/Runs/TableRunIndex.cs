using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Runs;

/// <summary>
/// The run index in two tables: runs by tenant (PartitionKey = tenant, RowKey = run id) for the API, and
/// runs by day (PartitionKey = yyyyMMdd of creation, RowKey = run id) for the nightly window. Both rows
/// carry the same summary; a write never replaces a row with an older one (lower LastSeq).
/// </summary>
internal sealed class TableRunIndex : IRunIndex
{
    // Each lost race means another writer moved the row; a handful of re-reads settles any realistic contention.
    private const int MaxWriteAttempts = 8;

    private readonly TableStorageClient _tables;
    private readonly string _byTenant;
    private readonly string _byDay;

    public TableRunIndex(TableStorageClient tables, StorageNames names)
    {
        _tables = tables;
        _byTenant = names.RunsByTenant;
        _byDay = names.RunsByDay;
    }

    public async Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await InsertIfAbsentAsync(_byTenant, RunSummaryEntity.ForTenant(summary), cancellationToken);
        await InsertIfAbsentAsync(_byDay, RunSummaryEntity.ForDay(summary), cancellationToken);
    }

    public async Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await ReplaceUnlessNewerAsync(_byTenant, RunSummaryEntity.ForTenant(summary), summary.LastSeq, cancellationToken);
        await ReplaceUnlessNewerAsync(_byDay, RunSummaryEntity.ForDay(summary), summary.LastSeq, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="row"/> unless the stored row already reflects a later Seq. Conditional on the ETag read
    /// (insert when absent), so two writers of one run that race can never leave the older state behind.
    /// </summary>
    private async Task ReplaceUnlessNewerAsync(string table, TableEntity row, long lastSeq, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _tables.GetEntityAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
            if (stored?.GetInt64(RunSummaryEntity.LastSeq) is { } storedSeq && storedSeq > lastSeq)
            {
                return;
            }

            try
            {
                if (stored is null)
                {
                    await _tables.InsertEntityAsync(table, row, cancellationToken);
                }
                else
                {
                    await _tables.ReplaceEntityAsync(table, row, stored.ETag.ToString(), cancellationToken);
                }

                return;
            }
            catch (StorageConflictException) when (attempt < MaxWriteAttempts)
            {
                // Another writer got there between the read and the write: read again and decide again.
            }
        }
    }

    public async Task<RunSummary?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default)
    {
        if (!RunSummaryEntity.IsUsableKey(tenantId) || !RunSummaryEntity.IsUsableKey(runId))
        {
            return null;
        }

        var entity = await _tables.GetEntityAsync(_byTenant, tenantId, runId, cancellationToken);
        return entity is null ? null : RunSummaryEntity.Read(entity);
    }

    /// <exception cref="FormatException">The continuation token is not one this index issued.</exception>
    public async Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        var filter = TableFilter.Create($"PartitionKey eq {query.TenantId}");
        if (query.ContinuationToken is { } token)
        {
            filter += " and " + TableFilter.Create($"RowKey gt {RunListToken.Decode(token)}");
        }

        if (query.Status is { } status)
        {
            filter += " and " + $"{RunSummaryEntity.Status} eq {TableFilter.Literal(RunStatusNames.ToName(status))}";
        }

        if (query.From is { } from)
        {
            filter += " and " + $"{RunSummaryEntity.CreatedAt} ge {TableFilter.Literal(from.UtcDateTime)}";
        }

        if (query.To is { } to)
        {
            filter += " and " + $"{RunSummaryEntity.CreatedAt} lt {TableFilter.Literal(to.UtcDateTime)}";
        }

        // One row more than the page tells whether another page follows, so the last page carries no token.
        var rows = new List<RunSummary>(query.PageSize + 1);
        await foreach (var entity in _tables.QueryAsync(_byTenant, new TableQuery { Filter = filter, Top = query.PageSize + 1 }, cancellationToken))
        {
            rows.Add(RunSummaryEntity.Read(entity));
        }

        if (rows.Count <= query.PageSize)
        {
            return new RunPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new RunPage(rows, RunListToken.Encode(rows[^1].RunId));
    }

    public async IAsyncEnumerable<RunSummary> ListByDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var partition = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await foreach (var entity in _tables.QueryPartitionAsync(_byDay, partition, cancellationToken: cancellationToken))
        {
            yield return RunSummaryEntity.Read(entity);
        }
    }

    public async IAsyncEnumerable<RunSummary> ListStaleAsync(DateTimeOffset updatedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = $"{RunSummaryEntity.Finished} eq false and {RunSummaryEntity.UpdatedAt} lt {TableFilter.Literal(updatedBefore.UtcDateTime)}";
        await foreach (var entity in _tables.QueryAsync(_byTenant, new TableQuery { Filter = filter }, cancellationToken))
        {
            yield return RunSummaryEntity.Read(entity);
        }
    }

    private async Task InsertIfAbsentAsync(string table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _tables.InsertEntityAsync(table, entity, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Already indexed: the first writer's row stands.
        }
    }
}
