using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Azure.Privacy;

/// <summary>
/// Data keys in an Azure table, each wrapped by the key-encryption key. Rows: <c>key/{kid}</c> (the wrapped key, or only
/// its erasure time once destroyed; a run's key has the derived id <see cref="RunKeyIds.Of"/> and names its run) and
/// <c>links_{tenantRef}/{subjectRef}|{runId}</c> (a person found in a run, with the run's key id). Older layouts stay
/// readable and erasable: <c>subject/{subjectRef}</c> (a subject's live key id, per-subject or random per-run keys) and
/// <c>runs_{subjectRef}/{runId}</c> (the subject's runs, <c>Linked = true</c> where found in the run). No row names the
/// subject: only its SHA-256 reference.
/// </summary>
public sealed partial class TableDataKeyStore : IDataKeyStore
{
    private const string KeyPartition = "key";
    private readonly TableClient _table;
    private readonly Func<CancellationToken, Task<KeyEncryptionKey>>? _loadKek;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private Task<KeyEncryptionKey>? _kek;
    private Task? _created;

    /// <param name="loadKek">
    /// Loads the KEK on first use (a Key Vault call in Azure); a failure fails the step, never stores plaintext. Null
    /// where no KEK is configured (a CLI that only verifies, audits or erases): keys are then neither created nor
    /// opened, and encrypted fields read as <see cref="PersonalData.EncryptedText"/>.
    /// </param>
    public TableDataKeyStore(TableClient table, Func<CancellationToken, Task<KeyEncryptionKey>>? loadKek, TimeProvider clock)
    {
        _table = table;
        _loadKek = loadKek;
        _clock = clock;
    }

    public Task<DataKeyLookup> GetOrCreateRunKeyAsync(string tenantId, string runId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var kek = await KekAsync(cancellationToken) ?? throw NoKek();
            var subjectRef = SubjectIds.Reference(tenantId, SubjectIds.OfRun(runId));
            var key = new DataKey(RunKeyIds.OfSubjectRef(subjectRef), RandomNumberGenerator.GetBytes(DataKey.Size));
            try
            {
                // One conditional insert: the id is derived, so a second writer of the same run meets this very row.
                await _table.AddEntityAsync(
                    new TableEntity(KeyPartition, key.KeyId)
                    {
                        ["TenantId"] = tenantId,
                        ["SubjectRef"] = subjectRef,
                        ["RunId"] = runId,
                        ["Wrapped"] = kek.Wrap(key.Material, WrapContext(key.KeyId, subjectRef)),
                        ["Kek"] = kek.KeyId,
                        ["CreatedAt"] = _clock.GetUtcNow(),
                    },
                    cancellationToken);
                return new DataKeyLookup(key, false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Another writer created it (use theirs), or an erasure destroyed it (the run writes [erased] from now on).
                var row = await _table.GetEntityAsync<TableEntity>(KeyPartition, key.KeyId, cancellationToken: cancellationToken);
                return row.Value.GetBinary("Wrapped") is { } wrapped
                    ? new DataKeyLookup(Unwrap(kek, key.KeyId, row.Value.GetString("SubjectRef") ?? subjectRef, wrapped), false)
                    : DataKeyLookup.Destroyed;
            }
        });

    public Task<DataKeyLookup> FindAsync(string keyId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var kek = await KekAsync(cancellationToken);
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyPartition, keyId, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return DataKeyLookup.Unknown;
            }

            return row.Value!.GetBinary("Wrapped") is not { } wrapped ? DataKeyLookup.Destroyed
                : kek is null ? DataKeyLookup.Unknown
                : new DataKeyLookup(Unwrap(kek, keyId, row.Value.GetString("SubjectRef") ?? string.Empty, wrapped), false);
        });

    /// <summary>Replaces a key row with its erasure time: replace, not merge, so the wrapped key material does not survive in the row.</summary>
    private async Task ShredAsync(string tenantId, string keyId, string subjectRef, string? runId, CancellationToken cancellationToken)
    {
        var row = new TableEntity(KeyPartition, keyId) { ["TenantId"] = tenantId, ["SubjectRef"] = subjectRef, ["ErasedAt"] = _clock.GetUtcNow() };
        if (runId is not null)
        {
            row["RunId"] = runId; // an erasure of run:<RunId> still lists its run
        }

        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private static KeyStoreUnavailableException NoKek() =>
        new($"no key-encryption key is configured ({PrivacySettingNames.Kek}, {PrivacySettingNames.KekFile} or {PrivacySettingNames.KeyVaultUri}).");

    private static string WrapContext(string keyId, string subjectRef) => keyId + "\n" + subjectRef;

    private static DataKey Unwrap(KeyEncryptionKey kek, string keyId, string subjectRef, byte[] wrapped)
    {
        try
        {
            return new DataKey(keyId, kek.Unwrap(wrapped, WrapContext(keyId, subjectRef)));
        }
        catch (CryptographicException ex)
        {
            throw new KeyStoreUnavailableException($"the key-encryption key '{kek.KeyId}' does not open data key {keyId} (wrong or rotated KEK).", ex);
        }
    }

    private async Task<DataKey?> UnwrapAsync(KeyEncryptionKey kek, string keyId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyPartition, keyId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetBinary("Wrapped") is { } wrapped
            ? Unwrap(kek, keyId, row.Value.GetString("SubjectRef") ?? string.Empty, wrapped)
            : null;
    }
}
