using System.Security.Cryptography;
using FunctionAgents.Domain.Privacy;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>A process-local key store for tests and exported journals. Not durable: its keys die with the process.</summary>
public sealed class InMemoryDataKeyStore : IDataKeyStore
{
    private readonly Dictionary<string, DataKey?> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string KeyId, List<string> Runs)> _bySubject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _erasedRuns = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

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

    public Task<DataKeyLookup> FindAsync(string keyId, CancellationToken cancellationToken = default)
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
            if (_bySubject.Remove(subject, out var entry))
            {
                _byId[entry.KeyId] = null;
                _erasedRuns[subject] = entry.Runs;
                return Task.FromResult<KeyDestruction?>(new KeyDestruction(1, [.. entry.Runs]));
            }

            return Task.FromResult(_erasedRuns.TryGetValue(subject, out var runs) ? new KeyDestruction(0, [.. runs]) : null);
        }
    }
}
