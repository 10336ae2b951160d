using FunctionAgents.Runtime.Caching;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// A process's cache of data keys in front of the durable key store: each key (or the fact that it was destroyed) is
/// kept for at most <see cref="Ttl"/>, so a step does not fetch the same key row again and again, and an erasure made
/// by any other process makes a cached key unusable (for reads and for new writes) within that bound. An erasure made
/// through this instance empties the cache at once. Bounded: past <see cref="MaxEntries"/> keys the least recently used
/// leave first.
/// </summary>
public sealed class CachingDataKeyStore : IDataKeyStore
{
    /// <summary>How many keys one process keeps at most.</summary>
    public const int MaxEntries = 4096;

    private readonly IDataKeyStore _inner;
    private readonly BoundedCache<string, DataKeyLookup>? _byId;

    /// <param name="inner">The durable key store.</param>
    /// <param name="ttl">How long a cached answer is trusted; <see cref="TimeSpan.Zero"/> caches nothing.</param>
    /// <param name="clock">The clock the bound is measured with.</param>
    public CachingDataKeyStore(IDataKeyStore inner, TimeSpan ttl, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.Zero);
        _inner = inner;
        Ttl = ttl;
        _byId = ttl > TimeSpan.Zero ? new BoundedCache<string, DataKeyLookup>(MaxEntries, ttl, clock) : null;
    }

    /// <summary>The longest time a key destroyed elsewhere stays usable in this process.</summary>
    public TimeSpan Ttl { get; }

    public async Task<DataKeyLookup> GetOrCreateRunKeyAsync(
        string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
    {
        // Seeded here so the batch's own FindAsync (and the run's next batches in this process) cost no request.
        var lookup = await _inner.GetOrCreateRunKeyAsync(tenantId, runId, subjectIds, cancellationToken);
        if (lookup.Key is not null || lookup.Erased)
        {
            _byId?.Set(lookup.Key?.KeyId ?? RunKeyIds.Of(tenantId, runId), lookup);
        }

        return lookup;
    }

    public Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
        _inner.LinkAsync(tenantId, runId, keyId, subjectIds, cancellationToken);

    public async Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default)
    {
        if (_byId is not null && _byId.TryGet(keyId, out var cached))
        {
            return cached;
        }

        var lookup = await _inner.FindAsync(tenantId, keyId, cancellationToken);

        // An unknown key is not cached: a reader without a KEK, or a key being created by another writer right now.
        if (lookup.Key is not null || lookup.Erased)
        {
            _byId?.Set(keyId, lookup);
        }

        return lookup;
    }

    public async Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.DestroyAsync(tenantId, subjectId, cancellationToken);
        }
        finally
        {
            // Which keys went is the store's business; this process forgets them all rather than serve one of them.
            _byId?.Clear();
        }
    }

    public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
        _inner.FindRunsAsync(tenantId, subjectId, cancellationToken);
}
