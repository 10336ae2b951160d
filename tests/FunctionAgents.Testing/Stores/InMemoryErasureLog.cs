using System.Runtime.CompilerServices;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Testing.Stores;

/// <summary>A process-local erasure log for tests. Not durable.</summary>
public sealed class InMemoryErasureLog : IErasureLog
{
    private readonly List<ErasureRecord> _records = [];
    private readonly Lock _gate = new();

    public Task AppendAsync(ErasureRecord record, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task<ErasureRecord?> FindAsync(string tenantId, string subjectRef, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.Find(r => r.TenantId == tenantId && r.SubjectRef == subjectRef));
        }
    }

    public async IAsyncEnumerable<ErasureRecord> ListAsync(
        string? tenantId, DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ErasureRecord[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _records.Where(r => (tenantId is null || r.TenantId == tenantId) && r.ErasedAt >= since && r.ErasedAt <= until).OrderBy(r => r.ErasedAt)];
        }

        foreach (var r in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return r;
        }

        await Task.CompletedTask;
    }
}
