using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The journal as the application sees it when personal data is protected. Appends go to the stored journal
/// unchanged (the appender protects each batch first through this journal as its <see cref="IJournalProtector"/>); reads reveal each
/// encrypted field with its subject's data key, or show <see cref="PersonalData.ErasedText"/> where the key was
/// destroyed, keeping PrevHash and Hash as stored; chain verification runs on the stored ciphertext, so it passes
/// before and after an erasure.
/// </summary>
public sealed partial class PersonalDataJournal : IEventJournal, IJournalProtector
{
    /// <summary>How many runs' write keys one process keeps before it forgets them all.</summary>
    private const int MaxCachedRunKeys = 4096;

    private readonly IEventJournal _stored;
    private readonly IDataKeyStore _keys;

    // The data key id of each run, so a step does not read RunStarted again (a run's key id never changes). The key
    // itself is looked up through the key store for every batch and every read, so an erasure in any process is
    // seen within the key store's cache bound (CachingDataKeyStore).
    private readonly ConcurrentDictionary<string, string?> _runKeys = new(StringComparer.Ordinal);

    /// <param name="stored">The journal that holds what is stored (the Table Storage journal).</param>
    /// <param name="keys">The subjects' data keys.</param>
    public PersonalDataJournal(IEventJournal stored, IDataKeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(keys);
        _stored = stored;
        _keys = keys;
    }

    /// <summary>The journal as stored (ciphertext), for chain verification and raw exports.</summary>
    public IEventJournal Stored => _stored;

    public Task AppendAsync(string runId, long expectedNextSeq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default) =>
        _stored.AppendAsync(runId, expectedNextSeq, events, cancellationToken);

    public async IAsyncEnumerable<RunEvent> ReadAsync(
        string runId, long fromSeq = 1, long toSeq = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One read reveals many fields under the same key: look each key up once per read; across reads the key
        // store's cache (bounded by FA_DATA_KEY_CACHE_TTL) decides how soon an erasure elsewhere is seen.
        var keys = new Dictionary<string, DataKeyLookup>(StringComparer.Ordinal);
        await foreach (var e in _stored.ReadAsync(runId, fromSeq, toSeq, cancellationToken))
        {
            yield return await RevealAsync(e, keys, cancellationToken);
        }
    }

    public Task<ChainVerification> VerifyChainAsync(string runId, CancellationToken cancellationToken = default) =>
        _stored.VerifyChainAsync(runId, cancellationToken);
}
