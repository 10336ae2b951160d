using FunctionAgents.Domain.Privacy;

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

/// <summary>One erasure in the erasure log: who erased which subject, when, and which runs it made unreadable.</summary>
/// <param name="SubjectRef">The subject's pseudonymous reference (<see cref="SubjectIds.Reference"/>), never the id itself.</param>
/// <param name="By">Who asked for it (the admin key's name or the CLI user).</param>
/// <param name="RunIds">The runs whose personal data the destroyed keys protected.</param>
/// <param name="KeysDestroyed">How many data keys were destroyed.</param>
public sealed record ErasureRecord(
    string TenantId,
    string SubjectRef,
    DateTimeOffset ErasedAt,
    string By,
    IReadOnlyList<string> RunIds,
    int KeysDestroyed);
