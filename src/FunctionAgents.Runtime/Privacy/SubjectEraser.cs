using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// Erases a data subject by crypto-shredding: destroys the subject's data keys, records the erasure, replaces the
/// goal of the subject's runs in the run index and deletes the memory entries those runs left. The journal is not touched: its ciphertext stays,
/// its hash chain still verifies, and every reader shows <see cref="PersonalData.ErasedText"/> from now on.
/// </summary>
public sealed class SubjectEraser
{
    private readonly IDataKeyStore _keys;
    private readonly IErasureLog _log;
    private readonly IRunIndex? _index;
    private readonly TimeProvider _clock;
    private readonly IMemoryStore? _memory;

    /// <param name="memory">Tenant memory: entries that came from the subject's runs are deleted too.</param>
    public SubjectEraser(IDataKeyStore keys, IErasureLog log, TimeProvider clock, IRunIndex? index = null, IMemoryStore? memory = null)
    {
        _memory = memory;
        _keys = keys;
        _log = log;
        _clock = clock;
        _index = index;
    }

    /// <summary>
    /// The runs a subject (an email, case-insensitive, or a customer id) appears in, for an access request (GDPR
    /// Art. 15) or before an erasure; null for a subject with no data in the tenant.
    /// </summary>
    public async Task<SubjectRuns?> FindAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        var subjectRef = SubjectIds.Reference(tenantId, subjectId);
        var runs = await _keys.FindRunsAsync(tenantId, subjectId, cancellationToken);
        var erasure = await _log.FindAsync(tenantId, subjectRef, cancellationToken);
        return runs is null && erasure is null ? null
            : new SubjectRuns(subjectRef, [.. (runs ?? []).Union(erasure?.RunIds ?? []).Order(StringComparer.Ordinal)], erasure);
    }

    /// <param name="by">Who asked (recorded in the erasure log).</param>
    public async Task<ErasureOutcome> EraseAsync(string tenantId, string subjectId, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var subjectRef = SubjectIds.Reference(tenantId, subjectId);
        var destroyed = await _keys.DestroyAsync(tenantId, subjectId, cancellationToken);
        var earlier = await _log.FindAsync(tenantId, subjectRef, cancellationToken);
        if (destroyed is null || destroyed.KeysDestroyed == 0)
        {
            return earlier is not null ? new ErasureOutcome(ErasureStatus.AlreadyErased, earlier)
                : destroyed is null ? new ErasureOutcome(ErasureStatus.NotFound, null)
                : new ErasureOutcome(ErasureStatus.AlreadyErased, new ErasureRecord(tenantId, subjectRef, _clock.GetUtcNow(), by, destroyed.RunIds, 0));
        }

        var record = new ErasureRecord(tenantId, subjectRef, _clock.GetUtcNow(), by, destroyed.RunIds, destroyed.KeysDestroyed);
        await _log.AppendAsync(record, cancellationToken);
        if (_memory is not null)
        {
            await _memory.DeleteFromRunsAsync(tenantId, destroyed.RunIds, cancellationToken);
        }

        if (_index is not null)
        {
            foreach (var runId in destroyed.RunIds)
            {
                // The index is a projection that kept a redacted goal; after an erasure it keeps none.
                if (await _index.GetAsync(tenantId, runId, cancellationToken) is { } summary)
                {
                    await _index.UpsertAsync(summary with { Goal = PersonalData.ErasedText }, cancellationToken);
                }
            }
        }

        return new ErasureOutcome(ErasureStatus.Erased, record);
    }
}

/// <summary>What <see cref="SubjectEraser.FindAsync"/> found about a subject: its runs, and its erasure if any.</summary>
/// <param name="SubjectRef">The subject's pseudonymous reference, as the erasure log records it.</param>
/// <param name="RunIds">Every run the subject appears in (erased runs included).</param>
/// <param name="Erasure">The subject's erasure, when it was erased.</param>
public sealed record SubjectRuns(string SubjectRef, IReadOnlyList<string> RunIds, ErasureRecord? Erasure);

/// <summary>The result of <see cref="SubjectEraser.EraseAsync"/>; <paramref name="Record"/> is null only for <see cref="ErasureStatus.NotFound"/>.</summary>
public sealed record ErasureOutcome(ErasureStatus Status, ErasureRecord? Record);

/// <summary>What an erasure request found.</summary>
public enum ErasureStatus
{
    /// <summary>The subject's keys were destroyed now.</summary>
    Erased,

    /// <summary>An earlier erasure destroyed them; nothing changed (erasure is idempotent).</summary>
    AlreadyErased,

    /// <summary>No data of this subject was ever encrypted in this tenant.</summary>
    NotFound,
}
