using FunctionAgents.Azure.Forensics;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Runtime.Forensics.Signing;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

/// <summary>
/// Checkpoints every N events and at a run's end (FA_CHECKPOINT_EVERY). The refund run's appends end at Seq 1, 3, 5, 8,
/// 10, 11, 14 and 16 (its RunCompleted).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CheckpointIntervalTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ProjectAsync_EveryFourEvents_WritesWhereABatchReachesAMultipleAndAtTheRunsEnd()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var checkpoints = new TableChainCheckpoints(store.Client, store.Tables.Checkpoints, store.Signer, every: 4);

        // Act
        var run = await new StoredRun(store.Journal, [checkpoints], "tenant-a", "s-1", Start).WriteRefundAsync();

        // Assert: 4..5 reaches 4, 6..8 reaches 8, 12..14 reaches 12, 15..16 ends the run
        var written = await ListAsync(checkpoints.ReadAsync(run.RunId));
        Assert.Equal([5L, 8, 14, 16], written.Select(c => c.Seq));
        Assert.All(written, c => Assert.Equal(run.Events[(int)c.Seq - 1].Hash, c.Hash));
    }

    [Fact]
    public async Task VerifyRunAsync_EverySixteen_FinishedRunWithItsLastEventDeleted_IsCaught()
    {
        // Arrange: only the run's end is checkpointed, then someone deletes its last event
        var store = await ForensicsStore.CreateAsync(azurite);
        var checkpoints = new TableChainCheckpoints(store.Client, store.Tables.Checkpoints, store.Signer, every: CheckpointSigningSettings.DefaultEvery);
        var run = await new StoredRun(store.Journal, [checkpoints], "tenant-a", "s-2", Start).WriteRefundAsync();
        Assert.Equal([16L], (await ListAsync(checkpoints.ReadAsync(run.RunId))).Select(c => c.Seq));
        await store.Client.DeleteEntityAsync(store.Names.Journal, run.RunId, JournalEntity.RowKey(16));

        // Act
        var result = await new ChainAudit(store.Journal, checkpoints, store.Trust()).VerifyRunAsync(run.RunId);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal(16, result.FirstBadSeq);
        Assert.Contains("removed from the end", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRunAsync_EverySixteen_UnfinishedRun_ReportsItsUnanchoredTail()
    {
        // Arrange: 14 events, none checkpointed yet (the first multiple of 16 is not reached and the run goes on)
        var store = await ForensicsStore.CreateAsync(azurite);
        var checkpoints = new TableChainCheckpoints(store.Client, store.Tables.Checkpoints, store.Signer, every: 16);
        var run = await new StoredRun(store.Journal, [checkpoints], "tenant-a", "s-3", Start).WriteRefundAsync(finish: false);

        // Act
        var result = await new ChainAudit(store.Journal, checkpoints, store.Trust()).VerifyRunAsync(run.RunId);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(0, result.CheckpointsChecked);
        Assert.Equal(14, run.Events.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("sixteen")]
    public void ReadEvery_BadValue_NamesTheSetting(string value)
    {
        var error = Assert.Throws<FormatException>(() => CheckpointSigningSettings.ReadEvery(name => name == CheckpointSigningSettings.Every ? value : null));

        Assert.Contains(CheckpointSigningSettings.Every, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadEvery_Unset_IsSixteen() =>
        Assert.Equal(16, CheckpointSigningSettings.ReadEvery(_ => null));

    private static async Task<List<ChainCheckpoint>> ListAsync(IAsyncEnumerable<ChainCheckpoint> items)
    {
        var list = new List<ChainCheckpoint>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
