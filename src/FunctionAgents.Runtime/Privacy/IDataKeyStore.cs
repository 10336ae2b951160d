namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// Holds the data keys, each wrapped by the key-encryption key (envelope encryption), and which runs each data subject
/// appears in. A run's personal data is encrypted with the run's own key (<see cref="GetOrCreateRunKeyAsync"/>, erased by
/// erasing subject <c>run:&lt;RunId&gt;</c>); journals written before per-run keys used one key per subject (or a random
/// per-run key), and those keys stay readable and erasable.
/// Destroying the keys of a subject's runs is what erases the subject's personal data from the journal (crypto-shredding).
/// </summary>
/// <remarks>Implementations throw <see cref="KeyStoreUnavailableException"/> when the store cannot be reached.</remarks>
public interface IDataKeyStore
{
    /// <summary>
    /// The run's own data key (id <see cref="RunKeyIds.Of"/>), created on first use with one conditional insert, and
    /// <paramref name="subjectIds"/> (the people the run's first batch names) linked to the run in the same request, so
    /// a run that names a person at start costs no extra request. When an erasure destroyed the key (even before the
    /// run's first append), the answer is <see cref="DataKeyLookup.Destroyed"/>: whatever the run writes from then on is
    /// stored as <see cref="PersonalData.ErasedText"/>. When the key existed already, the subjects are linked as
    /// <see cref="LinkAsync"/> would (a second request).
    /// </summary>
    Task<DataKeyLookup> GetOrCreateRunKeyAsync(string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that each of <paramref name="subjectIds"/> appears in <paramref name="runId"/>, encrypted under
    /// <paramref name="keyId"/> (the run's key, whoever's it is): erasing the subject then destroys that key too. One
    /// request for the whole set (nothing for an empty set), written before the batch that revealed the subjects is
    /// appended, so a crash never leaves the data without its link.
    /// </summary>
    Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default);

    /// <summary>The key a ciphertext of <paramref name="tenantId"/> names (a run's key is kept with its tenant's links).</summary>
    Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Destroys every data key of the subject and the keys of every run linked to it (<see cref="LinkAsync"/>). Returns
    /// null for a subject the store has never seen; otherwise what was destroyed (zero keys when an earlier erasure
    /// already destroyed them) and the subject's runs.
    /// </summary>
    Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The runs the subject appears in (linked by <see cref="LinkAsync"/>, or encrypted under the subject's own key), for
    /// an access request or before an erasure; erased runs stay listed. Null for a subject the store has never seen.
    /// </summary>
    Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default);
}

/// <summary>Calls of <see cref="IDataKeyStore"/> that need nothing of an implementation.</summary>
public static class DataKeyStoreExtensions
{
    /// <summary>The run's own data key, with no subject to link yet (<see cref="IDataKeyStore.GetOrCreateRunKeyAsync"/>).</summary>
    public static Task<DataKeyLookup> GetOrCreateRunKeyAsync(this IDataKeyStore store, string tenantId, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetOrCreateRunKeyAsync(tenantId, runId, [], cancellationToken);
    }
}

/// <summary>What destroying a subject's keys did.</summary>
/// <param name="KeysDestroyed">Keys destroyed by this call (0 when they were already gone).</param>
/// <param name="RunIds">Every run whose personal data was encrypted for the subject.</param>
public sealed record KeyDestruction(int KeysDestroyed, IReadOnlyList<string> RunIds);

/// <summary>What the key store holds for a key id: the key, or the fact that it was destroyed by an erasure.</summary>
/// <param name="Key">The unwrapped key; null when erased or unknown.</param>
/// <param name="Erased">True when the key existed and an erasure destroyed it.</param>
public sealed record DataKeyLookup(DataKey? Key, bool Erased)
{
    public static DataKeyLookup Unknown { get; } = new(null, false);

    public static DataKeyLookup Destroyed { get; } = new(null, true);
}
