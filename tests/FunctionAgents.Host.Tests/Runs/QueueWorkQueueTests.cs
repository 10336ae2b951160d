using System.Text.Json;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Core.Hosting;
using FunctionAgents.Host.Tests.Support;

namespace FunctionAgents.Host.Tests.Runs;

[Collection(HostCollection.Name)]
public sealed class QueueWorkQueueTests(HostFixture fixture)
{
    private readonly QueueStorageClient _queues = fixture.CreateQueueClient();

    [Fact]
    public async Task Receive_AfterEnqueue_ReturnsTheRunAndCompleteRemovesIt()
    {
        var (queue, names) = await NewQueueAsync();
        await queue.EnqueueAsync("run-1");

        var items = await queue.ReceiveAsync(8, TimeSpan.FromSeconds(30));
        await queue.CompleteAsync(Assert.Single(items));

        Assert.Equal("run-1", items[0].RunId);
        Assert.Equal(1, items[0].DequeueCount);
        Assert.Equal(0, await _queues.GetApproximateMessageCountAsync(names.Work));
    }

    [Fact]
    public async Task Enqueue_WithDelay_StaysInvisibleUntilTheDelayPasses()
    {
        var (queue, _) = await NewQueueAsync();

        await queue.EnqueueAsync("run-later", TimeSpan.FromSeconds(2));
        var early = await queue.ReceiveAsync(8, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var late = await queue.ReceiveAsync(8, TimeSpan.FromSeconds(30));

        Assert.Empty(early);
        Assert.Equal("run-later", Assert.Single(late).RunId);
    }

    [Fact]
    public async Task Renew_KeepsTheItemInvisibleAndGivesANewReceipt()
    {
        var (queue, _) = await NewQueueAsync();
        await queue.EnqueueAsync("run-1");
        var item = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));

        var renewed = await queue.RenewAsync(item, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var meanwhile = await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30));
        await queue.CompleteAsync(renewed);

        Assert.NotEqual(item.PopReceipt, renewed.PopReceipt);
        Assert.Empty(meanwhile);
    }

    [Fact]
    public async Task Poison_MovesTheItemWithItsReason()
    {
        var (queue, names) = await NewQueueAsync();
        await queue.EnqueueAsync("run-bad");
        var item = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));

        await queue.PoisonAsync(item, "the engine failed 5 times");

        Assert.Equal(0, await _queues.GetApproximateMessageCountAsync(names.Work));
        var poisoned = Assert.Single(await _queues.ReceiveMessagesAsync(names.WorkPoison, 32));
        using var envelope = JsonDocument.Parse(poisoned.Text!);
        Assert.Equal("the engine failed 5 times", envelope.RootElement.GetProperty("reason").GetString());
        Assert.Contains("run-bad", envelope.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, envelope.RootElement.GetProperty("dequeueCount").GetInt64());
    }

    [Fact]
    public async Task Receive_MessageThatIsNotAWorkItem_PoisonsItInsteadOfReturningIt()
    {
        var (queue, names) = await NewQueueAsync();
        await _queues.SendMessageAsync(names.Work, "hello");
        await queue.EnqueueAsync("run-ok");

        var items = await queue.ReceiveAsync(8, TimeSpan.FromSeconds(30));

        Assert.Equal("run-ok", Assert.Single(items).RunId);
        var poisoned = Assert.Single(await _queues.ReceiveMessagesAsync(names.WorkPoison, 32));
        Assert.Contains("hello", poisoned.Text, StringComparison.Ordinal);
    }

    private async Task<(QueueWorkQueue Queue, StorageNames Names)> NewQueueAsync()
    {
        var names = StorageNames.Create("w" + Guid.NewGuid().ToString("N")[..12]);
        await _queues.CreateQueueIfNotExistsAsync(names.Work);
        await _queues.CreateQueueIfNotExistsAsync(names.WorkPoison);
        return (new QueueWorkQueue(_queues, names, TimeProvider.System), names);
    }
}
