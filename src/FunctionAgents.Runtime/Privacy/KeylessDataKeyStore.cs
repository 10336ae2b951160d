namespace FunctionAgents.Runtime.Privacy;

/// <summary>
/// The key store of a reader that holds no keys (an exported journal file): every encrypted field reads as
/// <see cref="PersonalData.EncryptedText"/>, and nothing can be encrypted or erased through it.
/// </summary>
public sealed class KeylessDataKeyStore : IDataKeyStore
{
    public static KeylessDataKeyStore Instance { get; } = new();

    public Task<DataKeyLookup> GetOrCreateRunKeyAsync(
        string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
        throw new KeyStoreUnavailableException("this reader holds no data keys; it cannot write personal data.");

    public Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
        throw new KeyStoreUnavailableException("this reader holds no data keys; it cannot write personal data.");

    public Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default) => Task.FromResult(DataKeyLookup.Unknown);

    public Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult<KeyDestruction?>(null);

    public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>?>(null);
}
