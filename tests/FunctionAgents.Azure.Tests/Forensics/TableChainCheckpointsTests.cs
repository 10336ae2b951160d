using FunctionAgents.Azure.Forensics;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

[Collection(AzuriteCollection.Name)]
public sealed class TableChainCheckpointsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ProjectAsync_EveryAppend_RecordsItsLastEventOncePerSeq()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "s-1", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

        // Act
        await store.Checkpoints.ProjectAsync(run.Events[^2..], run.State);
        var checkpoints = await ListAsync(store.Checkpoints.ReadAsync(run.RunId));

        // Assert
        Assert.Equal([1L, 3, 5, 8, 10, 11, 14, 16], checkpoints.Select(c => c.Seq));
        Assert.All(checkpoints, c => Assert.Equal(run.Events[(int)c.Seq - 1].Hash, c.Hash));
        Assert.All(checkpoints, c => Assert.Equal("tenant-a", c.TenantId));
    }

    [Fact]
    public async Task ReadAsync_TableNeverCreated_HasNoCheckpoints()
    {
        // Arrange
        var checkpoints = new TableChainCheckpoints(azurite.CreateTableClient(), AzuriteFixture.NewTableName("nocp"));

        // Act
        var read = await ListAsync(checkpoints.ReadAsync("run-1"));

        // Assert
        Assert.Empty(read);
    }

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
