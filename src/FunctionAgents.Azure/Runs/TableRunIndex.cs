using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Caching;
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

    // What this process last wrote to each row (Seq, ETag): the next write is conditional on that ETag instead of
    // a guard read. Bounded; a forgotten row costs one read, never a wrong write.
    private readonly BoundedCache<(string Table, string PartitionKey, string RowKey), WrittenRow> _written = new(2048);

    public TableRunIndex(TableStorageClient tables, StorageNames names)
    {
        _tables = tables;
        _byTenant = names.RunsByTenant;
        _byDay = names.RunsByDay;
    }

    public async Task TryAddAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await InsertIfAbsentAsync(_byTenant, RunSummaryEntity.ForTenant(summary), summary, cancellationToken);
        await InsertIfAbsentAsync(_byDay, RunSummaryEntity.ForDay(summary), summary, cancellationToken);
    }

    /// <summary>
    /// Writes both rows, each conditional on the ETag this process remembers from its last write of it, so the usual
    /// write costs one request per row and no read (<see cref="RunIndexProjection"/> decides when a write is due). The two
    /// rows are written at once: each write is conditional on its own row alone.
    /// </summary>
    public Task UpsertAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Task.WhenAll(
            ReplaceUnlessNewerAsync(_byTenant, RunSummaryEntity.ForTenant(summary), summary, cancellationToken),
            ReplaceUnlessNewerAsync(_byDay, RunSummaryEntity.ForDay(summary), summary, cancellationToken));
    }

    /// <summary>
    /// Writes <paramref name="row"/> unless the stored row already reflects a later Seq. With a remembered ETag the write
    /// is conditional on it (nobody else wrote the row since this process did); without one, or when it is stale (412),
    /// the row is read and the write made conditional on what was read, so two writers of one run that race can never
    /// leave the older state behind.
    /// </summary>
    private async Task ReplaceUnlessNewerAsync(string table, TableEntity row, RunSummary summary, CancellationToken cancellationToken)
    {
        var key = (table, row.PartitionKey, row.RowKey);
        if (_written.TryGet(key, out var known) && known.ETag is { } rememberedETag)
        {
            if (known.LastSeq > summary.LastSeq)
            {
                return;
            }

            try
            {
                Remember(key, summary, await _tables.ReplaceEntityAsync(table, row, rememberedETag, cancellationToken));
                return;
            }
            catch (Exception ex) when (ex is StorageConflictException or StorageNotFoundException)
            {
                // Another process wrote the row since (412), or it was deleted (404): read it and decide again below.
                _written.Remove(key);
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            var stored = await _tables.GetEntityAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
            if (stored?.GetInt64(RunSummaryEntity.LastSeq) is { } storedSeq && storedSeq > summary.LastSeq)
            {
                return;
            }

            try
            {
                Remember(key, summary, stored is null
                    ? await _tables.InsertEntityAsync(table, row, cancellationToken)
                    : await _tables.ReplaceEntityAsync(table, row, stored.ETag.ToString(), cancellationToken));
                return;
            }
            catch (StorageConflictException) when (attempt < MaxWriteAttempts)
            {
                // Another writer got there between the read and the write: read again and decide again.
            }
        }
    }

    private void Remember((string, string, string) key, RunSummary summary, string? eTag) =>
        _written.Set(key, new WrittenRow(summary.LastSeq, eTag));

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

    private async Task InsertIfAbsentAsync(string table, TableEntity entity, RunSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            Remember((table, entity.PartitionKey, entity.RowKey), summary, await _tables.InsertEntityAsync(table, entity, cancellationToken));
        }
        catch (StorageConflictException)
        {
            // Already indexed: the first writer's row stands.
        }
    }

    private readonly record struct WrittenRow(long LastSeq, string? ETag);
}
