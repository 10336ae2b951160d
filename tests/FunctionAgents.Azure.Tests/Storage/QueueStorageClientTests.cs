using System.Text;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class QueueStorageClientTests(AzuriteFixture azurite)
{
    private readonly QueueStorageClient _client = azurite.CreateQueueClient();

    [Fact]
    public async Task CreateQueueIfNotExists_CalledTwice_SecondReturnsFalse()
    {
        // Arrange
        var queue = AzuriteFixture.NewQueueName();

        // Act
        var first = await _client.CreateQueueIfNotExistsAsync(queue);
        var second = await _client.CreateQueueIfNotExistsAsync(queue);

        // Assert
        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task SendAndReceive_Text_IsBase64OnTheWireAndDecoded()
    {
        // Arrange
        var queue = await NewQueueAsync();
        const string text = "{\"runId\":\"r-1\",\"note\":\"<ü & ß>\"}";

        // Act
        var receipt = await _client.SendMessageAsync(queue, text);
        var received = Assert.Single(await _client.ReceiveMessagesAsync(queue, 32, TimeSpan.FromSeconds(30)));

        // Assert
        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(text, received.Text);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), received.RawText);
        Assert.Equal(1, received.DequeueCount);
        Assert.False(string.IsNullOrEmpty(received.PopReceipt));
        Assert.True(received.InsertedOn > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Receive_RawClientSentPlainText_TextIsNullAndRawTextKept()
    {
        // Arrange
        var queue = await NewQueueAsync();
        var plain = azurite.CreateClients().RawQueues.GetQueueClient(queue);
        await plain.SendMessageAsync("not base64 <&>");

        // Act
        var received = Assert.Single(await _client.ReceiveMessagesAsync(queue));
        var asPlain = await _client.UpdateVisibilityAsync(queue, received.MessageId, received.PopReceipt, TimeSpan.Zero);
        var again = Assert.Single((await plain.ReceiveMessagesAsync()).Value);

        // Assert
        Assert.Null(received.Text);
        Assert.Equal("not base64 <&>", received.RawText);
        Assert.False(string.IsNullOrEmpty(asPlain));
        Assert.Equal("not base64 <&>", again.Body.ToString());
    }

    [Fact]
    public async Task Receive_ManyMessages_ReturnsAtMostRequested()
    {
        // Arrange
        var queue = await NewQueueAsync();
        for (var i = 0; i < 40; i++)
        {
            await _client.SendMessageAsync(queue, $"m{i}");
        }

        // Act
        var batch = await _client.ReceiveMessagesAsync(queue, 32);

        // Assert
        Assert.Equal(32, batch.Count);
        Assert.Equal(32, batch.Select(m => m.Text).Distinct().Count());
    }

    [Fact]
    public async Task UpdateVisibility_ThenDelete_UsesNewPopReceipt()
    {
        // Arrange
        var queue = await NewQueueAsync();
        await _client.SendMessageAsync(queue, "work");
        var received = Assert.Single(await _client.ReceiveMessagesAsync(queue, 1, TimeSpan.FromSeconds(30)));

        // Act
        var newReceipt = await _client.UpdateVisibilityAsync(queue, received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(5));
        var hidden = await _client.ReceiveMessagesAsync(queue);
        var deleted = await _client.DeleteMessageAsync(queue, received.MessageId, newReceipt);
        var count = await _client.GetApproximateMessageCountAsync(queue);

        // Assert
        Assert.NotEqual(received.PopReceipt, newReceipt);
        Assert.Empty(hidden);
        Assert.True(deleted);
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task UpdateVisibility_ToZero_MessageReappearsWithHigherDequeueCount()
    {
        // Arrange
        var queue = await NewQueueAsync();
        await _client.SendMessageAsync(queue, "retry me");
        var first = Assert.Single(await _client.ReceiveMessagesAsync(queue));

        // Act
        await _client.UpdateVisibilityAsync(queue, first.MessageId, first.PopReceipt, TimeSpan.Zero);
        var second = Assert.Single(await _client.ReceiveMessagesAsync(queue));

        // Assert
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
    }

    [Fact]
    public async Task SendMessage_WithVisibilityDelay_IsHiddenButCounted()
    {
        // Arrange
        var queue = await NewQueueAsync();

        // Act
        var receipt = await _client.SendMessageAsync(queue, "later", TimeSpan.FromMinutes(10), TimeSpan.FromHours(1));
        var visible = await _client.ReceiveMessagesAsync(queue);
        var count = await _client.GetApproximateMessageCountAsync(queue);

        // Assert
        Assert.Empty(visible);
        Assert.Equal(1, count);
        Assert.True(receipt.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.True(receipt.ExpiresOn < DateTimeOffset.UtcNow.AddHours(2));
    }

    [Fact]
    public async Task DeleteQueue_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        // Arrange
        var queue = await NewQueueAsync();

        // Act
        var deleted = await _client.DeleteQueueAsync(queue);
        var again = await _client.DeleteQueueAsync(queue);

        // Assert
        Assert.True(deleted);
        Assert.False(again);
    }

    [Fact]
    public async Task SendMessage_MissingQueue_ThrowsWithQueueNotFound()
    {
        // Arrange
        var queue = AzuriteFixture.NewQueueName();

        // Act
        var ex = await Assert.ThrowsAsync<StorageNotFoundException>(() => _client.SendMessageAsync(queue, "x"));

        // Assert
        Assert.Equal(404, ex.Status);
        Assert.Equal("QueueNotFound", ex.ErrorCode);
    }

    private async Task<string> NewQueueAsync()
    {
        var queue = AzuriteFixture.NewQueueName();
        await _client.CreateQueueIfNotExistsAsync(queue);
        return queue;
    }
}
