using Azure.Data.Tables;
using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

/// <summary>
/// Signed checkpoints against someone with write access to the storage account but not to the signing key. The refund
/// run has 16 events; its appends end (and are checkpointed) at 1, 3, 5, 8, 10, 11, 14, 16.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignedCheckpointTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task VerifyRunAsync_Untouched_SignaturesCoverTheWholeRun()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        using var trust = store.Trust();

        // Act
        var result = await new ChainAudit(store.Journal, store.Checkpoints, trust).VerifyRunAsync(run.RunId, 16);

        // Assert
        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(16, result.SignedThroughSeq);
        var rows = await store.RowsAsync(store.Tables.Checkpoints);
        Assert.All(rows, row => Assert.Equal(store.Signer.KeyId, row.GetString("KeyId")));
    }

    [Fact]
    public async Task VerifyRunAsync_InsiderRewritesEvent3AndEveryStoredHash_PassesWithoutTheTrustKeyAndIsCaughtWithIt()
    {
        // Arrange: the insider edits event 3's payload, recomputes every later PrevHash and Hash, and replaces the old
        // hashes wherever they are stored (the checkpoints), as the 22-row rewrite did.
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        await RewriteConsistentlyAsync(store, run, seq: 3);
        using var trust = store.Trust();

        // Act
        var chainOnly = await new ChainAudit(store.Journal, store.Checkpoints).VerifyRunAsync(run.RunId, 16);
        var signed = await new ChainAudit(store.Journal, store.Checkpoints, trust).VerifyRunAsync(run.RunId, 16);

        // Assert
        Assert.True(chainOnly.IsValid, "the consistent rewrite should fool the chain and checkpoint hashes: " + chainOnly.Problem);
        Assert.False(signed.IsValid);
        Assert.Equal(2, signed.FirstBadSeq);
        Assert.Equal(1, signed.SignedThroughSeq);
        Assert.Contains("signature of the checkpoint at Seq 3", signed.Problem, StringComparison.Ordinal);
        Assert.Contains("Seq 2..16 are not covered", signed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_InsiderResignsWithTheirOwnKey_IsReportedAsAnUnknownKey()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        using var forger = CheckpointSigningKey.FromText("forger", CheckpointSigningKey.NewPem());
        await RewriteConsistentlyAsync(store, run, seq: 3, forger);
        using var trust = store.Trust();

        // Act
        var result = await new ChainAudit(store.Journal, store.Checkpoints, trust).VerifyRunAsync(run.RunId, 16);

        // Assert
        Assert.Equal(2, result.FirstBadSeq);
        Assert.Contains($"key {forger.KeyId}, which is not a trusted key", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_KeyRotated_OldCheckpointsVerifyWithTheOldKeyInTheTrustSet()
    {
        // Arrange: the first run is signed with the store's key; the host then rotates to a new key for the second.
        var store = await ForensicsStore.CreateAsync(azurite);
        var before = await store.RefundRunAsync("tenant-a", "s-1", Start);
        using var rotated = CheckpointSigningKey.FromText("rotated", CheckpointSigningKey.NewPem());
        var rotatedStore = new TableChainCheckpoints(store.Client, store.Tables.Checkpoints, rotated);
        var after = await new StoredRun(store.Journal, [store.Audit, rotatedStore], "tenant-a", "s-2", Start.AddMinutes(1)).WriteRefundAsync();
        using var both = store.Trust(rotated);
        using var newOnly = new CheckpointTrustSet();
        newOnly.Add(rotated.PublicKeyPem, "rotated");

        // Act
        var beforeWithBoth = await new ChainAudit(store.Journal, store.Checkpoints, both).VerifyRunAsync(before.RunId);
        var afterWithBoth = await new ChainAudit(store.Journal, store.Checkpoints, both).VerifyRunAsync(after.RunId);
        var beforeWithNewOnly = await new ChainAudit(store.Journal, store.Checkpoints, newOnly).VerifyRunAsync(before.RunId);

        // Assert
        Assert.True(beforeWithBoth.IsValid, beforeWithBoth.Problem);
        Assert.True(afterWithBoth.IsValid, afterWithBoth.Problem);
        Assert.All(await store.RowsAsync(store.Tables.Checkpoints, $"PartitionKey eq '{after.RunId}'"), row => Assert.Equal(rotated.KeyId, row.GetString("KeyId")));
        Assert.Equal(1, beforeWithNewOnly.FirstBadSeq);
        Assert.Contains("not a trusted key", beforeWithNewOnly.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_UnsignedCheckpoint_FailsFromTheFirstSeqItShouldCover()
    {
        // Arrange: a checkpoint row rewritten without its signature (or written before signing existed).
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        var row = await store.Client.GetEntityAsync(store.Tables.Checkpoints, run.RunId, "0000000005");
        row!.Remove("Signature");
        row.Remove("KeyId");
        await store.Client.UpsertEntityAsync(store.Tables.Checkpoints, row, TableUpdateMode.Replace);
        using var trust = store.Trust();

        // Act
        var result = await new ChainAudit(store.Journal, store.Checkpoints, trust).VerifyRunAsync(run.RunId, 16);

        // Assert
        Assert.Equal(4, result.FirstBadSeq);
        Assert.Contains("the checkpoint at Seq 5 is not signed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_UnfinishedRunWithAnUncheckpointedHead_IsValidAndReportsHowFarCoverageGoes()
    {
        // Arrange: the last append's checkpoint is not written yet (its projection has not run).
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start, finish: false);
        await store.Client.DeleteEntityAsync(store.Tables.Checkpoints, run.RunId, "0000000014");
        using var trust = store.Trust();

        // Act
        var result = await new ChainAudit(store.Journal, store.Checkpoints, trust).VerifyRunAsync(run.RunId);

        // Assert
        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(14, result.EventsChecked);
        Assert.Equal(11, result.SignedThroughSeq);
    }

    [Fact]
    public async Task VerifyRunAsync_FinishedRunWhoseLastCheckpointsWereDeleted_FailsAfterTheLastSignedOne()
    {
        // Arrange: the tail rewritten and its checkpoints removed, so no hash disagrees.
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        await store.Client.DeleteEntityAsync(store.Tables.Checkpoints, run.RunId, "0000000016");
        await store.Client.DeleteEntityAsync(store.Tables.Checkpoints, run.RunId, "0000000014");
        using var trust = store.Trust();

        // Act
        var result = await new ChainAudit(store.Journal, store.Checkpoints, trust).VerifyRunAsync(run.RunId);

        // Assert
        Assert.Equal(12, result.FirstBadSeq);
        Assert.Equal(11, result.SignedThroughSeq);
        Assert.Contains("Seq 12..16 are not covered by a signed checkpoint", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectAsync_WithoutASigningKey_RefusesToWriteAnUnsignedCheckpoint()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", Start);
        var reader = new TableChainCheckpoints(store.Client, store.Tables.Checkpoints);

        // Act
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => reader.ProjectAsync(run.Events[^1..], run.State));

        // Assert
        Assert.Contains(CheckpointSigningSettings.Key, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Changes event <paramref name="seq"/>'s payload, recomputes the chain from there and overwrites every stored hash
    /// (journal rows and checkpoint rows); with <paramref name="resign"/> the checkpoints are re-signed with that key.
    /// </summary>
    private static async Task RewriteConsistentlyAsync(ForensicsStore store, StoredRun run, long seq, CheckpointSigningKey? resign = null)
    {
        var events = run.Events.ToList();
        var index = (int)seq - 1;
        Assert.Contains("refund policy", events[index].Payload, StringComparison.Ordinal);
        events[index] = events[index] with { Payload = events[index].Payload.Replace("refund policy", "refund policy (revised)", StringComparison.Ordinal) };
        for (var i = index; i < events.Count; i++)
        {
            events[i] = events[i] with { PrevHash = i == 0 ? events[i].PrevHash : events[i - 1].Hash };
            events[i] = events[i] with { Hash = EventHasher.Compute(events[i]) };
            await store.Client.UpsertEntityAsync(store.Journal.TableName, JournalEntity.ToEntity(events[i]), TableUpdateMode.Replace);
        }

        await foreach (var checkpoint in store.Checkpoints.ReadAsync(run.RunId))
        {
            if (checkpoint.Seq < seq)
            {
                continue;
            }

            var row = await store.Client.GetEntityAsync(store.Tables.Checkpoints, run.RunId, checkpoint.Seq.ToString("D10", System.Globalization.CultureInfo.InvariantCulture));
            var forged = checkpoint with { Hash = events[(int)checkpoint.Seq - 1].Hash };
            row!["Hash"] = forged.Hash;
            if (resign is not null)
            {
                forged = resign.Sign(forged);
                row["KeyId"] = forged.KeyId;
                row["Signature"] = forged.Signature;
            }

            await store.Client.UpsertEntityAsync(store.Tables.Checkpoints, row, TableUpdateMode.Replace);
        }
    }
}
