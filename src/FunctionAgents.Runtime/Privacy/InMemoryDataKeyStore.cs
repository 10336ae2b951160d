using System.Security.Cryptography;
using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>A process-local key store for tests and exported journals. Not durable: its keys die with the process.</summary>
public sealed class InMemoryDataKeyStore : IDataKeyStore
{
    private readonly Dictionary<string, DataKey?> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string KeyId, List<string> Runs)> _bySubject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _erasedRuns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _runOfRunSubject = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<DataKeyLookup> GetOrCreateRunKeyAsync(
        string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
    {
        var lookup = CreateRunKey(tenantId, runId);
        if (lookup.Key is not null)
        {
            await LinkAsync(tenantId, runId, lookup.Key.KeyId, subjectIds, cancellationToken);
        }

        return lookup;
    }

    private DataKeyLookup CreateRunKey(string tenantId, string runId)
    {
        var keyId = RunKeyIds.Of(tenantId, runId);
        lock (_gate)
        {
            if (!_byId.TryGetValue(keyId, out var key))
            {
                key = new DataKey(keyId, RandomNumberGenerator.GetBytes(DataKey.Size));
                _byId[keyId] = key;
                _runOfRunSubject[SubjectIds.Reference(tenantId, SubjectIds.OfRun(runId))] = runId;
            }

            return key is null ? DataKeyLookup.Destroyed : new DataKeyLookup(key, false);
        }
    }

    /// <summary>
    /// Writes the layout of before per-run keys (a subject's live key, created on first use, with <paramref name="runId"/>
    /// recorded as one of its runs). No writer of the product uses it; tests use it to prove that journals written that
    /// way are still read, found and erased.
    /// </summary>
    public Task<DataKey> GetOrCreateAsync(string tenantId, string subjectId, string runId, CancellationToken cancellationToken = default)
    {
        var subject = SubjectIds.Reference(tenantId, subjectId);
        lock (_gate)
        {
            if (!_bySubject.TryGetValue(subject, out var entry))
            {
                var key = new DataKey(Guid.NewGuid().ToString("N"), RandomNumberGenerator.GetBytes(DataKey.Size));
                _byId[key.KeyId] = key;
                entry = (key.KeyId, []);
                _bySubject[subject] = entry;
            }

            if (!entry.Runs.Contains(runId))
            {
                entry.Runs.Add(runId);
            }

            return Task.FromResult(_byId[entry.KeyId]!);
        }
    }

    public Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        lock (_gate)
        {
            foreach (var subjectId in subjectIds)
            {
                var subject = SubjectIds.Reference(tenantId, subjectId);
                if (!_links.TryGetValue(subject, out var runs))
                {
                    runs = new Dictionary<string, string>(StringComparer.Ordinal);
                    _links[subject] = runs;
                }

                runs[runId] = keyId;
            }
        }

        return Task.CompletedTask;
    }

    public Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(!_byId.TryGetValue(keyId, out var key) ? DataKeyLookup.Unknown
                : key is null ? DataKeyLookup.Destroyed
                : new DataKeyLookup(key, false));
        }
    }

    public Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default)
    {
        var subject = SubjectIds.Reference(tenantId, subjectId);
        lock (_gate)
        {
            var destroyed = 0;
            var runs = _erasedRuns.TryGetValue(subject, out var erased) ? erased : [];
            var known = _bySubject.ContainsKey(subject) || _erasedRuns.ContainsKey(subject) || _links.ContainsKey(subject)
                || _runOfRunSubject.ContainsKey(subject);
            if (_runOfRunSubject.TryGetValue(subject, out var ownRun))
            {
                var runKeyId = RunKeyIds.OfSubjectRef(subject);
                if (_byId.GetValueOrDefault(runKeyId) is not null)
                {
                    _byId[runKeyId] = null;
                    destroyed++;
                }

                runs = [.. runs.Union([ownRun])];
            }

            if (_bySubject.Remove(subject, out var entry))
            {
                _byId[entry.KeyId] = null;
                destroyed++;
                runs = [.. runs.Union(entry.Runs)];
            }

            // The keys of runs the subject was found in: a run touching two people is erased for either.
            foreach (var (runId, keyId) in _links.GetValueOrDefault(subject) ?? [])
            {
                if (_byId.TryGetValue(keyId, out var key) && key is not null)
                {
                    _byId[keyId] = null;
                    destroyed++;
                    foreach (var owner in _bySubject.Where(s => s.Value.KeyId == keyId).Select(s => s.Key).ToList())
                    {
                        _bySubject.Remove(owner); // its next run gets a new key
                    }
                }

                if (!runs.Contains(runId))
                {
                    runs.Add(runId);
                }
            }

            if (!known)
            {
                return Task.FromResult<KeyDestruction?>(null);
            }

            _erasedRuns[subject] = runs;
            return Task.FromResult<KeyDestruction?>(new KeyDestruction(destroyed, [.. runs]));
        }
    }

    public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default)
    {
        var subject = SubjectIds.Reference(tenantId, subjectId);
        lock (_gate)
        {
            var runs = new SortedSet<string>(StringComparer.Ordinal);
            var known = false;
            if (_bySubject.TryGetValue(subject, out var entry))
            {
                known = true;
                runs.UnionWith(entry.Runs);
            }

            if (_runOfRunSubject.TryGetValue(subject, out var ownRun))
            {
                known = true;
                runs.Add(ownRun);
            }

            if (_erasedRuns.TryGetValue(subject, out var erased))
            {
                known = true;
                runs.UnionWith(erased);
            }

            if (_links.TryGetValue(subject, out var linked))
            {
                known = true;
                runs.UnionWith(linked.Keys);
            }

            return Task.FromResult<IReadOnlyList<string>?>(known ? [.. runs] : null);
        }
    }
}
