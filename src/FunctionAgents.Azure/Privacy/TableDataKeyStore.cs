using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Azure.Privacy;

/// <summary>
/// Data keys in an Azure table, each wrapped by the key-encryption key, one partition per tenant. Rows:
/// <c>links_{tenantRef}/{kid}</c> (a run's key, with the derived id <see cref="RunKeyIds.Of"/>, naming its run: the
/// wrapped key, or only its erasure time once destroyed) and <c>links_{tenantRef}/{subjectRef}|{runId}</c> (a person
/// found in a run, with the run's key id). Older layouts stay readable and erasable: <c>key/{kid}</c> (keys of the
/// per-subject era, random per-run keys, and run keys written before they moved to their tenant's partition),
/// <c>subject/{subjectRef}</c> (a subject's live key id, per-subject or random per-run keys) and <c>runs_{subjectRef}/{runId}</c> (the subject's runs, <c>Linked = true</c> where found in the run). No row names the
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

    public Task<DataKeyLookup> GetOrCreateRunKeyAsync(
        string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        return GuardAsync(async () =>
        {
            var kek = await KekAsync(cancellationToken) ?? throw NoKek();
            var (key, row) = NewRunKey(kek, LinksPartition(tenantId), tenantId, runId);
            var subjectRef = row.GetString("SubjectRef");
            var insert = new TableTransactionAction(TableTransactionActionType.Add, row);
            var links = LinkActions(tenantId, runId, key.KeyId, subjectIds);
            try
            {
                // One conditional insert, with the run's first links in the same transaction (the key row lives in the
                // tenant's links partition): the id is derived, so a second writer of the same run meets this very row.
                await _table.SubmitTransactionAsync([insert, .. links.Take(MaxTransactionSize - 1)], cancellationToken);
                foreach (var chunk in links.Skip(MaxTransactionSize - 1).Chunk(MaxTransactionSize))
                {
                    await _table.SubmitTransactionAsync(chunk, cancellationToken);
                }

                return new DataKeyLookup(key, false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is null or 0)
            {
                // Another writer created it (use theirs, and link), or an erasure destroyed it (the run writes [erased]
                // from now on, so there is nothing to link).
                var existing = await FindKeyRowAsync(tenantId, key.KeyId, cancellationToken);
                if (existing?.GetBinary("Wrapped") is not { } wrapped)
                {
                    return DataKeyLookup.Destroyed;
                }

                var theirs = Unwrap(kek, key.KeyId, existing.GetString("SubjectRef") ?? subjectRef ?? string.Empty, wrapped);
                foreach (var chunk in links.Chunk(MaxTransactionSize))
                {
                    await _table.SubmitTransactionAsync(chunk, cancellationToken);
                }

                return new DataKeyLookup(theirs, false);
            }
        });
    }

    public Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var kek = await KekAsync(cancellationToken);
            var row = await FindKeyRowAsync(tenantId, keyId, cancellationToken);
            if (row is null)
            {
                return DataKeyLookup.Unknown;
            }

            return row.GetBinary("Wrapped") is not { } wrapped ? DataKeyLookup.Destroyed
                : kek is null ? DataKeyLookup.Unknown
                : new DataKeyLookup(Unwrap(kek, keyId, row.GetString("SubjectRef") ?? string.Empty, wrapped), false);
        });

    /// <summary>
    /// A key's row: a run's key in its tenant's links partition, else (runs keyed before, and per-subject or random keys)
    /// in <c>key</c>. A run's key costs one request; a key of an older layout two.
    /// </summary>
    private async Task<TableEntity?> FindKeyRowAsync(string tenantId, string keyId, CancellationToken cancellationToken)
    {
        if (RunKeyIds.IsRunKey(keyId))
        {
            var own = await _table.GetEntityIfExistsAsync<TableEntity>(LinksPartition(tenantId), keyId, cancellationToken: cancellationToken);
            if (own.HasValue)
            {
                return own.Value;
            }
        }

        var older = await _table.GetEntityIfExistsAsync<TableEntity>(KeyPartition, keyId, cancellationToken: cancellationToken);
        return older.HasValue ? older.Value : null;
    }

    /// <summary>A new key for run <paramref name="runId"/>, with its derived id, and its row (wrapped) in <paramref name="partition"/>.</summary>
    private (DataKey Key, TableEntity Row) NewRunKey(KeyEncryptionKey kek, string partition, string tenantId, string runId)
    {
        var subjectRef = SubjectIds.Reference(tenantId, SubjectIds.OfRun(runId));
        var key = new DataKey(RunKeyIds.OfSubjectRef(subjectRef), RandomNumberGenerator.GetBytes(DataKey.Size));
        return (key, new TableEntity(partition, key.KeyId)
        {
            ["TenantId"] = tenantId,
            ["SubjectRef"] = subjectRef,
            ["RunId"] = runId,
            ["Wrapped"] = kek.Wrap(key.Material, WrapContext(key.KeyId, subjectRef)),
            ["Kek"] = kek.KeyId,
            ["CreatedAt"] = _clock.GetUtcNow(),
        });
    }

    /// <summary>Replaces a key row with its erasure time: replace, not merge, so the wrapped key material does not survive in the row.</summary>
    private async Task ShredAsync(TableEntity found, string tenantId, string subjectRef, CancellationToken cancellationToken)
    {
        var runId = found.GetString("RunId");
        var row = new TableEntity(found.PartitionKey, found.RowKey) { ["TenantId"] = tenantId, ["SubjectRef"] = subjectRef, ["ErasedAt"] = _clock.GetUtcNow() };
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

    private async Task<DataKey?> UnwrapAsync(KeyEncryptionKey kek, string tenantId, string keyId, CancellationToken cancellationToken)
    {
        var row = await FindKeyRowAsync(tenantId, keyId, cancellationToken);
        return row?.GetBinary("Wrapped") is { } wrapped
            ? Unwrap(kek, keyId, row.GetString("SubjectRef") ?? string.Empty, wrapped)
            : null;
    }
}
