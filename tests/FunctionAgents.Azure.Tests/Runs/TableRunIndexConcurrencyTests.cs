using Azure.Data.Tables;
using FunctionAgents.Azure.Tests.Forensics;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Runs;

/// <summary>Every writer of a run feeds the run index; racing writers must never leave an older state behind.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRunIndexConcurrencyTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Created = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Upsert_ManyWritersOfOneRunRacing_BothRowsEndAtTheHighestSeq()
    {
        // Arrange: 40 states of one run, written out of order by concurrent writers
        var store = await ForensicsStore.CreateAsync(azurite);
        var seqs = Enumerable.Range(1, 40).OrderBy(_ => Random.Shared.Next()).ToList();

        // Act
        await Parallel.ForEachAsync(seqs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (seq, ct) =>
            await store.Index.UpsertAsync(Summary("run-race", seq), ct));

        // Assert
        var byTenant = await store.Index.GetAsync("tenant-a", "run-race");
        Assert.Equal(40, byTenant?.LastSeq);
        var byDay = await store.Client.GetEntityAsync(store.Names.RunsByDay, "20261205", "run-race");
        Assert.Equal(40, byDay?.GetInt64("LastSeq"));
    }

    [Fact]
    public async Task Upsert_AnOlderStateAfterANewerOne_LeavesTheNewerOne()
    {
        var store = await ForensicsStore.CreateAsync(azurite);
        await store.Index.UpsertAsync(Summary("run-late", 9));

        await store.Index.UpsertAsync(Summary("run-late", 4));

        Assert.Equal(9, (await store.Index.GetAsync("tenant-a", "run-late"))?.LastSeq);
    }

    [Fact]
    public async Task ReplaceEntity_StaleETag_IsAConflict()
    {
        // Arrange: read a row, then let another writer change it
        var store = await ForensicsStore.CreateAsync(azurite);
        var table = store.Names.RunsByTenant;
        await store.Client.InsertEntityAsync(table, new TableEntity("p", "r") { ["V"] = 1 });
        var read = await store.Client.GetEntityAsync(table, "p", "r");
        await store.Client.UpsertEntityAsync(table, new TableEntity("p", "r") { ["V"] = 2 });

        // Act
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() =>
            store.Client.ReplaceEntityAsync(table, new TableEntity("p", "r") { ["V"] = 3 }, read!.ETag.ToString()));

        // Assert
        Assert.Equal(412, conflict.Status);
        Assert.Equal(2, (await store.Client.GetEntityAsync(table, "p", "r"))?.GetInt32("V"));
    }

    private static RunSummary Summary(string runId, long lastSeq) =>
        new("tenant-a", runId, RunStatus.Running, "goal", runId, Created, Created.AddSeconds(lastSeq), lastSeq, 0m, "http");
}
