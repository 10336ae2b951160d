using FunctionAgents.Azure.Storage;
using FunctionAgents.Azure.Tools;
using FunctionAgents.Runtime.Tools;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Tools;

[Collection(AzuriteCollection.Name)]
public sealed class TableEmailOutboxTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Queued = new(2025, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private readonly TableStorageClient _client = azurite.CreateTableClient();

    [Fact]
    public async Task Enqueue_NewDispatch_StoresAndReturnsEmail()
    {
        // Arrange
        var outbox = await NewOutboxAsync();
        var email = Email("run-1:9", "MSG-1", "Your refund");

        // Act
        var stored = await outbox.EnqueueAsync(email, CancellationToken.None);

        // Assert
        Assert.Equal(email, stored);
        var row = await _client.GetEntityAsync(outbox.TableName, "run-1:9", "email");
        Assert.Equal("customer@example.com", row!.GetString("To"));
    }

    [Fact]
    public async Task Enqueue_RepeatedDispatch_ReturnsFirstEntryAndWritesNothingNew()
    {
        // Arrange
        var outbox = await NewOutboxAsync();
        var first = await outbox.EnqueueAsync(Email("run-3:2", "MSG-A", "First"), CancellationToken.None);
        var before = await _client.GetEntityAsync(outbox.TableName, "run-3:2", "email");

        // Act
        var again = await outbox.EnqueueAsync(Email("run-3:2", "MSG-B", "Second"), CancellationToken.None);

        // Assert
        Assert.Equal(first, again);
        var rows = await _client.QueryAsync(outbox.TableName).ToListAsync();
        Assert.Equal(before!.ETag, Assert.Single(rows).ETag);
    }

    [Fact]
    public async Task Enqueue_BodyOverTablePropertyLimit_RefusedWithClearError()
    {
        // Arrange
        var outbox = await NewOutboxAsync();
        var email = Email("run-4:1", "MSG-C", "Huge") with { Body = new string('b', 40_000) };

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(email, CancellationToken.None));

        // Assert
        Assert.Contains("run-4:1", ex.Message, StringComparison.Ordinal);
    }

    private async Task<TableEmailOutbox> NewOutboxAsync()
    {
        var outbox = new TableEmailOutbox(_client, AzuriteFixture.NewTableName("ob"));
        await outbox.CreateTableIfNotExistsAsync();
        return outbox;
    }

    private static OutboxEmail Email(string dispatchId, string messageId, string subject) =>
        new(dispatchId, messageId, "tenant-a", dispatchId.Split(':')[0], "customer@example.com", subject, "Hello,\nyour refund is on its way.", Queued);
}
