using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Tests.Forensics;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Runs;

/// <summary>
/// The run index writes conditionally on the ETag it remembers from its own last write (no guard read); two index
/// instances are two processes, each with its own memory of the rows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRunIndexETagTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Created = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Upsert_AfterAnotherProcessWroteANewerState_KeepsTheNewerOneThenMovesOn()
    {
        // Arrange: process 1 lists the run and writes Seq 3; process 2 writes Seq 5
        var store = await ForensicsStore.CreateAsync(azurite);
        var process1 = new TableRunIndex(store.Client, store.Names);
        var process2 = new TableRunIndex(store.Client, store.Names);
        await process1.TryAddAsync(Summary(1));
        await process1.UpsertAsync(Summary(3));
        await process2.UpsertAsync(Summary(5));

        // Act: process 1's remembered ETag is stale; its Seq 4 must not replace Seq 5, its Seq 6 must land
        await process1.UpsertAsync(Summary(4));
        var afterOlder = await SeqsAsync(store);
        await process1.UpsertAsync(Summary(6));
        var afterNewer = await SeqsAsync(store);

        // Assert
        Assert.Equal((5L, 5L), afterOlder);
        Assert.Equal((6L, 6L), afterNewer);
    }

    [Fact]
    public async Task Upsert_RowDeletedBehindTheProcess_IsWrittenAgain()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var index = new TableRunIndex(store.Client, store.Names);
        await index.UpsertAsync(Summary(2));
        await store.Client.DeleteEntityAsync(store.Names.RunsByTenant, "tenant-a", "run-etag");

        // Act
        await index.UpsertAsync(Summary(3));

        // Assert
        Assert.Equal(3, (await index.GetAsync("tenant-a", "run-etag"))?.LastSeq);
    }

    [Fact]
    public async Task Upsert_WritesBothRowsAtOnce_EachRecoveringOnItsOwn()
    {
        // Arrange: the by-day row vanished behind the process, the by-tenant row is as the process left it
        var store = await ForensicsStore.CreateAsync(azurite);
        var index = new TableRunIndex(store.Client, store.Names);
        await index.TryAddAsync(Summary(1));
        await store.Client.DeleteEntityAsync(store.Names.RunsByDay, "20261205", "run-etag");

        // Act: the two rows are written concurrently; the by-day one takes the read-and-insert path, the other its ETag
        await index.UpsertAsync(Summary(4));

        // Assert
        Assert.Equal((4L, 4L), await SeqsAsync(store));
    }

    private static async Task<(long? Tenant, long? Day)> SeqsAsync(ForensicsStore store) =>
        ((await store.Client.GetEntityAsync(store.Names.RunsByTenant, "tenant-a", "run-etag"))?.GetInt64("LastSeq"),
         (await store.Client.GetEntityAsync(store.Names.RunsByDay, "20261205", "run-etag"))?.GetInt64("LastSeq"));

    private static RunSummary Summary(long lastSeq) =>
        new("tenant-a", "run-etag", RunStatus.Running, "goal", "run-etag", Created, Created.AddSeconds(lastSeq), lastSeq, 0m, "http");
}
