using FunctionAgents.Runtime.Memory;

namespace FunctionAgents.Testing.Stores;

/// <summary>A process-local memory store for tests. Not durable.</summary>
public sealed class InMemoryMemoryStore(int maxEntryChars = 2000) : IMemoryStore
{
    private readonly Dictionary<(string Tenant, string Id), MemoryEntry> _entries = [];
    private readonly Lock _gate = new();

    public Task<MemoryWriteResult> WriteAsync(MemoryEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Refusal(maxEntryChars) is { } reason)
        {
            return Task.FromResult(MemoryWriteResult.Refused(reason));
        }

        lock (_gate)
        {
            _entries[(entry.TenantId, entry.EntryId)] = entry;
        }

        return Task.FromResult(MemoryWriteResult.Ok);
    }

    public Task<IReadOnlyList<MemoryEntry>> ListLiveAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<MemoryEntry>>([.. _entries.Values.Where(e => e.TenantId == tenantId && e.ExpiresAt > now)]);
        }
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(RemoveWhere(e => e.ExpiresAt <= now));

    public Task<int> DeleteFromRunsAsync(string tenantId, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default) =>
        Task.FromResult(RemoveWhere(e => e.TenantId == tenantId && runIds.Contains(e.SourceRunId)));

    /// <summary>Every entry held, expired or not (what a purge would find).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    private int RemoveWhere(Func<MemoryEntry, bool> match)
    {
        lock (_gate)
        {
            var doomed = _entries.Where(p => match(p.Value)).Select(p => p.Key).ToList();
            doomed.ForEach(k => _entries.Remove(k));
            return doomed.Count;
        }
    }
}
