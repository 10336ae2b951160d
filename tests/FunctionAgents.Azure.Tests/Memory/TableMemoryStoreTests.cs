using Azure.Data.Tables;
using FunctionAgents.Azure.Memory;
using FunctionAgents.Runtime.Memory;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Memory;

[Collection(AzuriteCollection.Name)]
public sealed class TableMemoryStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListLiveAsync_ExpiredEntry_IsNeverReturnedAndThePurgeDeletesOnlyIt()
    {
        // Arrange
        var store = NewStore();
        await store.WriteAsync(Entry("run-1:5", Now.AddDays(-31), TimeSpan.FromDays(30)));
        await store.WriteAsync(Entry("run-2:5", Now.AddDays(-1), TimeSpan.FromDays(30)));

        // Act
        var live = await store.ListLiveAsync("tenant-a", Now);
        var purged = await store.PurgeExpiredAsync(Now);
        var after = await store.ListLiveAsync("tenant-a", Now.AddDays(-40));

        // Assert
        Assert.Equal(["run-2:5"], live.Select(e => e.EntryId));
        Assert.Equal(1, purged);
        Assert.Equal(["run-2:5"], after.Select(e => e.EntryId));
    }

    [Fact]
    public async Task WriteAsync_OverTheCap_RefusedAndNothingStored()
    {
        // Arrange
        var store = NewStore(maxChars: 10);

        // Act
        var result = await store.WriteAsync(Entry("run-1:5", Now, TimeSpan.FromDays(1)));

        // Assert
        Assert.Equal("the entry is 25 characters; the cap is 10", result.RefusedReason);
        Assert.Empty(await store.ListLiveAsync("tenant-a", Now));
    }

    [Fact]
    public async Task DeleteFromRunsAsync_ErasedRun_RemovesItsEntriesOnly()
    {
        // Arrange
        var store = NewStore();
        await store.WriteAsync(Entry("run-1:5", Now, TimeSpan.FromDays(30)) with { SourceRunId = "run-1" });
        await store.WriteAsync(Entry("run-2:5", Now, TimeSpan.FromDays(30)) with { SourceRunId = "run-2" });

        // Act
        var deleted = await store.DeleteFromRunsAsync("tenant-a", ["run-1"]);

        // Assert
        Assert.Equal(1, deleted);
        Assert.Equal(["run-2"], (await store.ListLiveAsync("tenant-a", Now)).Select(e => e.SourceRunId));
    }

    private TableMemoryStore NewStore(int maxChars = 2000) =>
        new(new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("m")), maxChars);

    private static MemoryEntry Entry(string id, DateTimeOffset created, TimeSpan ttl) =>
        new("tenant-a", id, "resolved_question", "Asked: refund for [email]", "run-x", 5, created, created + ttl);
}
