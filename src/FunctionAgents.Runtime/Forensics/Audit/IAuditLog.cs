namespace FunctionAgents.Runtime.Forensics.Audit;

/// <summary>
/// The audit projection's read side: every action of a tenant, for one correlation id or all, in a time range.
/// Backed by rows keyed for these queries, never by scanning runs; a query can never return another tenant's rows.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// The tenant's actions with <paramref name="from"/> &lt;= OccurredAt &lt; <paramref name="until"/>, for
    /// <paramref name="correlationId"/> or (null) every correlation id, in time order (ties by RunId, then Seq), streamed.
    /// </summary>
    IAsyncEnumerable<AuditEntry> QueryAsync(
        string tenantId, string? correlationId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken = default);
}
