using Azure.Data.Tables;
using Azure;
using FunctionAgents.Runtime.Memory;

namespace FunctionAgents.Azure.Memory;

/// <summary>
/// Tenant memory in an Azure table: PartitionKey = tenant, RowKey = entry id (run:Seq). Reads filter on ExpiresAt, so
/// an expired entry is never returned even before the purge job deletes it.
/// </summary>
public sealed class TableMemoryStore : IMemoryStore
{
    /// <summary>The table's name before any per-deployment prefix.</summary>
    public const string DefaultTableName = "AgentMemory";

    private readonly TableClient _table;
    private readonly int _maxEntryChars;
    private readonly Lock _gate = new();
    private Task? _created;

    public TableMemoryStore(TableClient table, int maxEntryChars)
    {
        _table = table;
        _maxEntryChars = maxEntryChars;
    }

    public async Task<MemoryWriteResult> WriteAsync(MemoryEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Refusal(_maxEntryChars) is { } reason)
        {
            return MemoryWriteResult.Refused(reason);
        }

        await EnsureAsync(cancellationToken);
        await _table.UpsertEntityAsync(
            new TableEntity(entry.TenantId, RowKey(entry.EntryId))
            {
                ["EntryId"] = entry.EntryId,
                ["Kind"] = entry.Kind,
                ["Text"] = entry.Text,
                ["SourceRunId"] = entry.SourceRunId,
                ["SourceSeq"] = entry.SourceSeq,
                ["CreatedAt"] = entry.CreatedAt,
                ["ExpiresAt"] = entry.ExpiresAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
        return MemoryWriteResult.Ok;
    }

    public async Task<IReadOnlyList<MemoryEntry>> ListLiveAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(cancellationToken);
        var entries = new List<MemoryEntry>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and ExpiresAt gt {now}"), cancellationToken: cancellationToken))
        {
            entries.Add(Read(e));
        }

        return entries;
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        DeleteAsync(TableClient.CreateQueryFilter($"ExpiresAt le {now}"), cancellationToken);

    public async Task<int> DeleteFromRunsAsync(string tenantId, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var deleted = 0;
        foreach (var runId in runIds)
        {
            deleted += await DeleteAsync(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and SourceRunId eq {runId}"), cancellationToken);
        }

        return deleted;
    }

    // Run ids and Seqs contain ':' which Table keys allow; '/', '\', '#' and '?' they do not, so those are replaced.
    private static string RowKey(string entryId) => entryId.Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');

    private static MemoryEntry Read(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("EntryId") ?? e.RowKey,
        e.GetString("Kind") ?? string.Empty,
        e.GetString("Text") ?? string.Empty,
        e.GetString("SourceRunId") ?? string.Empty,
        e.GetInt64("SourceSeq") ?? 0,
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue);

    private async Task<int> DeleteAsync(string filter, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        var deleted = 0;
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(e.PartitionKey, e.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return deleted;
    }

    private Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _created = _created is { IsFaulted: false, IsCanceled: false } ? _created : _table.CreateIfNotExistsAsync(CancellationToken.None);
            return _created.WaitAsync(cancellationToken);
        }
    }
}
