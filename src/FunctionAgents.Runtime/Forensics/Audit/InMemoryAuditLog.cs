using System.Runtime.CompilerServices;

namespace FunctionAgents.Runtime.Forensics.Audit;

/// <summary>A process-local audit log with the same semantics as the table one: for tests and tools over exported journals.</summary>
public sealed class InMemoryAuditLog : IAuditLog, IAuditWriter
{
    private readonly Dictionary<(string RunId, long Seq), AuditEntry> _entries = [];
    private readonly Lock _gate = new();

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

    public Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                _entries[(entry.RunId, entry.Seq)] = entry;
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<AuditEntry> QueryAsync(
        string tenantId, string? correlationId, DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        AuditEntry[] matches;
        lock (_gate)
        {
            matches = [.. _entries.Values
                .Where(e => e.TenantId == tenantId && (correlationId is null || e.CorrelationId == correlationId) && e.OccurredAt >= from && e.OccurredAt < until)
                .OrderBy(e => e.OccurredAt)
                .ThenBy(e => e.RunId, StringComparer.Ordinal)
                .ThenBy(e => e.Seq)];
        }

        foreach (var entry in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask;
    }
}
