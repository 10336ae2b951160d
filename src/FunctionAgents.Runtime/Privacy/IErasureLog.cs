namespace FunctionAgents.Runtime.Privacy;

/// <summary>The append-only record of erasures (GDPR Art. 17 requests carried out). It names no subject, only its reference.</summary>
public interface IErasureLog
{
    Task AppendAsync(ErasureRecord record, CancellationToken cancellationToken = default);

    /// <summary>The earliest erasure of the subject, or null if it was never erased.</summary>
    Task<ErasureRecord?> FindAsync(string tenantId, string subjectRef, CancellationToken cancellationToken = default);

    /// <summary>Erasures between <paramref name="since"/> and <paramref name="until"/>, of one tenant or (null) all, oldest first.</summary>
    IAsyncEnumerable<ErasureRecord> ListAsync(string? tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);
}
