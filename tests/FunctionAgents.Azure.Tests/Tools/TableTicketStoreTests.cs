using FunctionAgents.Azure.Storage;
using FunctionAgents.Azure.Tools;
using FunctionAgents.Runtime.Tools;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Tools;

[Collection(AzuriteCollection.Name)]
public sealed class TableTicketStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Created = new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567);

    private readonly TableStorageClient _client = azurite.CreateTableClient();

    [Fact]
    public async Task Create_NewDispatch_StoresAndReturnsTicket()
    {
        // Arrange
        var store = await NewStoreAsync();
        var ticket = Ticket("run-1:7", "TCK-0000000001", "Refund");

        // Act
        var stored = await store.CreateAsync(ticket, CancellationToken.None);

        // Assert
        Assert.Equal(ticket, stored);
        var row = await _client.GetEntityAsync(store.TableName, "run-1:7", "ticket");
        Assert.Equal("TCK-0000000001", row!.GetString("TicketId"));
        Assert.Equal(Created.UtcDateTime, row.GetDateTime("CreatedAt"));
    }

    [Fact]
    public async Task Create_RepeatedDispatch_ReturnsFirstTicketAndWritesNothingNew()
    {
        // Arrange
        var store = await NewStoreAsync();
        var first = await store.CreateAsync(Ticket("run-2:4", "TCK-AAAAAAAAAA", "First try"), CancellationToken.None);
        var before = await _client.GetEntityAsync(store.TableName, "run-2:4", "ticket");

        // Act
        var again = await store.CreateAsync(Ticket("run-2:4", "TCK-BBBBBBBBBB", "Retried with other text"), CancellationToken.None);

        // Assert
        Assert.Equal(first, again);
        Assert.Equal("TCK-AAAAAAAAAA", again.TicketId);
        var rows = await _client.QueryAsync(store.TableName).ToListAsync();
        Assert.Equal(before!.ETag, Assert.Single(rows).ETag);
    }

    private async Task<TableTicketStore> NewStoreAsync()
    {
        var store = new TableTicketStore(_client, AzuriteFixture.NewTableName("tk"));
        await store.CreateTableIfNotExistsAsync();
        return store;
    }

    private static TicketRecord Ticket(string dispatchId, string ticketId, string title) =>
        new(dispatchId, ticketId, "tenant-a", dispatchId.Split(':')[0], title, "Customer asks for a refund of order 1042.", "high", Created);
}
