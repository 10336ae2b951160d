using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Azure.Privacy;

/// <summary>
/// Data keys in an Azure table, each wrapped by the key-encryption key. Rows: <c>key/{kid}</c> (the wrapped key,
/// or only its erasure time once destroyed), <c>subject/{subjectRef}</c> (the subject's live key id: since per-run
/// keys, the subject is <c>run:&lt;RunId&gt;</c>) and <c>runs_{subjectRef}/{runId}</c> (the subject's runs, with
/// <c>Linked = true</c> and the run's key id where the subject was found in the run). No row names the subject: only
/// its SHA-256 reference.
/// </summary>
public sealed partial class TableDataKeyStore : IDataKeyStore
{
    private const string KeyPartition = "key";
    private const string SubjectPartition = "subject";
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

    public Task<DataKey> GetOrCreateAsync(string tenantId, string subjectId, string runId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var kek = await KekAsync(cancellationToken)
                ?? throw new KeyStoreUnavailableException($"no key-encryption key is configured ({PrivacySettingNames.Kek}, {PrivacySettingNames.KekFile} or {PrivacySettingNames.KeyVaultUri}).");
            var subjectRef = SubjectIds.Reference(tenantId, subjectId);
            var subject = await _table.GetEntityIfExistsAsync<TableEntity>(SubjectPartition, subjectRef, cancellationToken: cancellationToken);
            DataKey key;
            if (subject.HasValue && subject.Value!.GetString("KeyId") is { } existing)
            {
                key = await UnwrapAsync(kek, existing, cancellationToken) ?? throw new KeyStoreUnavailableException($"data key {existing} of a live subject is missing.");
            }
            else
            {
                key = await CreateAsync(kek, tenantId, subjectRef, cancellationToken);
            }

            await _table.UpsertEntityAsync(
                new TableEntity(RunsPartition(subjectRef), runId) { ["TenantId"] = tenantId, ["KeyId"] = key.KeyId },
                TableUpdateMode.Merge,
                cancellationToken);
            return key;
        });

    public Task LinkAsync(string tenantId, string subjectId, string runId, string keyId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await EnsureTableAsync(cancellationToken);
            var subjectRef = SubjectIds.Reference(tenantId, subjectId);
            await _table.UpsertEntityAsync(
                new TableEntity(RunsPartition(subjectRef), runId) { ["TenantId"] = tenantId, ["KeyId"] = keyId, ["Linked"] = true },
                TableUpdateMode.Merge,
                cancellationToken);
            return true;
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

    public Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await EnsureTableAsync(cancellationToken);
            var subjectRef = SubjectIds.Reference(tenantId, subjectId);
            var runs = new List<string>();
            var linkedKeys = new HashSet<string>(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RunsPartition(subjectRef)}");
            await foreach (var run in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "KeyId", "Linked"], cancellationToken: cancellationToken))
            {
                runs.Add(run.RowKey);
                if (run.GetBoolean("Linked") == true && run.GetString("KeyId") is { } linked)
                {
                    linkedKeys.Add(linked);
                }
            }

            var destroyed = 0;
            var subject = await _table.GetEntityIfExistsAsync<TableEntity>(SubjectPartition, subjectRef, cancellationToken: cancellationToken);
            if (subject.HasValue && subject.Value!.GetString("KeyId") is { } keyId)
            {
                await ShredAsync(tenantId, keyId, subjectRef, cancellationToken);
                await _table.DeleteEntityAsync(SubjectPartition, subjectRef, ETag.All, cancellationToken);
                linkedKeys.Remove(keyId);
                destroyed++;
            }
            else if (runs.Count == 0)
            {
                return null;
            }

            // The keys of the runs the subject was found in during the run (a tool's output, an email's recipient): a run
            // touching two people is erased for either. A key that was another subject's live key is retired for it too,
            // so that subject's next run gets a new key instead of a destroyed one.
            foreach (var linked in linkedKeys)
            {
                var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyPartition, linked, cancellationToken: cancellationToken);
                if (!row.HasValue || row.Value!.GetBinary("Wrapped") is null)
                {
                    continue;
                }

                var owner = row.Value.GetString("SubjectRef") ?? string.Empty;
                await ShredAsync(row.Value.GetString("TenantId") ?? tenantId, linked, owner, cancellationToken);
                var ownerRow = await _table.GetEntityIfExistsAsync<TableEntity>(SubjectPartition, owner, cancellationToken: cancellationToken);
                if (ownerRow.HasValue && ownerRow.Value!.GetString("KeyId") == linked)
                {
                    await _table.DeleteEntityAsync(SubjectPartition, owner, ownerRow.Value.ETag, cancellationToken);
                }

                destroyed++;
            }

            return new KeyDestruction(destroyed, runs);
        });

    public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await EnsureTableAsync(cancellationToken);
            var subjectRef = SubjectIds.Reference(tenantId, subjectId);
            var runs = new List<string>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RunsPartition(subjectRef)}");
            await foreach (var run in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                runs.Add(run.RowKey);
            }

            return runs.Count > 0 ? runs : (IReadOnlyList<string>?)null;
        });

    /// <summary>Replaces a key row with its erasure time: replace, not merge, so the wrapped key material does not survive in the row.</summary>
    private async Task ShredAsync(string tenantId, string keyId, string subjectRef, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(
            new TableEntity(KeyPartition, keyId) { ["TenantId"] = tenantId, ["SubjectRef"] = subjectRef, ["ErasedAt"] = _clock.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken);

    private static string RunsPartition(string subjectRef) => "runs_" + subjectRef;

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

    private async Task<DataKey> CreateAsync(KeyEncryptionKey kek, string tenantId, string subjectRef, CancellationToken cancellationToken)
    {
        var key = new DataKey(Guid.NewGuid().ToString("N"), RandomNumberGenerator.GetBytes(DataKey.Size));
        await _table.AddEntityAsync(
            new TableEntity(KeyPartition, key.KeyId)
            {
                ["TenantId"] = tenantId,
                ["SubjectRef"] = subjectRef,
                ["Wrapped"] = kek.Wrap(key.Material, WrapContext(key.KeyId, subjectRef)),
                ["Kek"] = kek.KeyId,
                ["CreatedAt"] = _clock.GetUtcNow(),
            },
            cancellationToken);
        try
        {
            await _table.AddEntityAsync(new TableEntity(SubjectPartition, subjectRef) { ["TenantId"] = tenantId, ["KeyId"] = key.KeyId }, cancellationToken);
            return key;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another writer created the subject's key first: use theirs; ours stays an unreferenced row.
            var winner = await _table.GetEntityAsync<TableEntity>(SubjectPartition, subjectRef, cancellationToken: cancellationToken);
            return await UnwrapAsync(kek, winner.Value.GetString("KeyId")!, cancellationToken)
                ?? throw new KeyStoreUnavailableException("the subject's key was destroyed while it was being created.");
        }
    }
}
