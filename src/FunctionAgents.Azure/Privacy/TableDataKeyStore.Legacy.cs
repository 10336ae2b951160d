using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Azure.Privacy;

/// <summary>
/// The layout written before per-run keys had derived ids: a subject's live key behind <c>subject/{subjectRef}</c> and its
/// runs in <c>runs_{subjectRef}</c>. Nothing writes it in production any more; it stays so tests can write journals as the
/// older code did and prove they are still read, found and erased.
/// </summary>
public sealed partial class TableDataKeyStore
{
    private const string SubjectPartition = "subject";

    /// <summary>
    /// Writes the layout of before per-run keys (a subject's live key, created on first use, with <paramref name="runId"/>
    /// recorded as one of its runs). No writer of the product uses it; tests use it to prove that journals written that
    /// way are still read, found and erased.
    /// </summary>
    public Task<DataKey> GetOrCreateAsync(string tenantId, string subjectId, string runId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var kek = await KekAsync(cancellationToken) ?? throw NoKek();
            var subjectRef = SubjectIds.Reference(tenantId, subjectId);
            var subject = await _table.GetEntityIfExistsAsync<TableEntity>(SubjectPartition, subjectRef, cancellationToken: cancellationToken);
            DataKey key;
            if (subject.HasValue && subject.Value!.GetString("KeyId") is { } existing)
            {
                key = await UnwrapAsync(kek, tenantId, existing, cancellationToken) ?? throw new KeyStoreUnavailableException($"data key {existing} of a live subject is missing.");
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
            return await UnwrapAsync(kek, tenantId, winner.Value.GetString("KeyId")!, cancellationToken)
                ?? throw new KeyStoreUnavailableException("the subject's key was destroyed while it was being created.");
        }
    }

    /// <summary>
    /// Writes a run's key where derived run keys were kept before they moved to their tenant's links partition (the
    /// shared <c>key</c> partition). No writer of the product uses it; tests use it to prove those runs stay readable and erasable.
    /// </summary>
    public Task<DataKey> CreateRunKeyInSharedPartitionAsync(string tenantId, string runId, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            var kek = await KekAsync(cancellationToken) ?? throw NoKek();
            var (key, row) = NewRunKey(kek, KeyPartition, tenantId, runId);
            await _table.AddEntityAsync(row, cancellationToken);
            return key;
        });

    private static string RunsPartition(string subjectRef) => "runs_" + subjectRef;
}
