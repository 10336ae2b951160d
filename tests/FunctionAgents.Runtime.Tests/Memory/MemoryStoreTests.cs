using FunctionAgents.Runtime.Memory;
using FunctionAgents.Runtime.Scheduling;
using FunctionAgents.Testing.Stores;
using Microsoft.Extensions.Time.Testing;

namespace FunctionAgents.Runtime.Tests.Memory;

public sealed class MemoryStoreTests
{
    [Fact]
    public async Task ListLiveAsync_EntryPastItsTtl_IsNeverReturnedAndThePurgeDeletesIt()
    {
        // Arrange
        var clock = new FakeTimeProvider(MemoryTestRuns.Now);
        var store = new InMemoryMemoryStore();
        await store.WriteAsync(MemoryTestRuns.Entry("short", "refund order answered", clock.GetUtcNow(), TimeSpan.FromDays(1)));
        await store.WriteAsync(MemoryTestRuns.Entry("long", "refund policy answered", clock.GetUtcNow(), TimeSpan.FromDays(30)));

        // Act
        clock.Advance(TimeSpan.FromDays(1));
        var live = await store.ListLiveAsync("tenant-a", clock.GetUtcNow());
        var job = new MemoryPurgeJob(store, clock);
        await job.ExecuteAsync(new ScheduleTick(clock.GetUtcNow(), false, null, clock.GetUtcNow().AddHours(1)), CancellationToken.None);
        var purged = job.LastPurged;

        // Assert
        Assert.Equal(["long"], live.Select(e => e.EntryId));
        Assert.Equal(1, purged);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task ListLiveAsync_JustBeforeExpiry_IsReturned()
    {
        // Arrange
        var clock = new FakeTimeProvider(MemoryTestRuns.Now);
        var store = new InMemoryMemoryStore();
        await store.WriteAsync(MemoryTestRuns.Entry("short", "refund order answered", clock.GetUtcNow(), TimeSpan.FromDays(1)));

        // Act
        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));

        // Assert
        Assert.Single(await store.ListLiveAsync("tenant-a", clock.GetUtcNow()));
        Assert.Empty(await store.ListLiveAsync("tenant-b", clock.GetUtcNow()));
    }

    [Fact]
    public async Task WriteAsync_EntryOverTheSizeCap_IsRefusedWithTheReason()
    {
        // Arrange
        var store = new InMemoryMemoryStore(maxEntryChars: 100);

        // Act
        var result = await store.WriteAsync(MemoryTestRuns.Entry("big", new string('x', 101), MemoryTestRuns.Now, TimeSpan.FromDays(1)));

        // Assert
        Assert.False(result.Stored);
        Assert.Equal("the entry is 101 characters; the cap is 100", result.RefusedReason);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task WriteAsync_EntryWithoutSourceSeq_IsRefused()
    {
        // Act
        var result = await new InMemoryMemoryStore().WriteAsync(MemoryTestRuns.Entry("x", "text", MemoryTestRuns.Now, TimeSpan.FromDays(1)) with { SourceSeq = 0 });

        // Assert
        Assert.Equal("every entry names its source run and Seq", result.RefusedReason);
    }
}
