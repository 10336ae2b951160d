using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private readonly TableStorageClient _client = azurite.CreateTableClient();

    [Fact]
    public async Task SubmitTransaction_HundredInserts_WritesAll()
    {
        // Arrange
        var table = await NewTableAsync();
        var actions = Enumerable.Range(1, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D10}") { ["N"] = (long)i }))
            .ToList();

        // Act
        await _client.SubmitTransactionAsync(table, actions);

        // Assert
        var stored = await _client.QueryPartitionAsync(table, "p").ToListAsync();
        Assert.Equal(100, stored.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), stored.Select(e => e.GetInt64("N")!.Value));
    }

    [Fact]
    public async Task SubmitTransaction_OneInsertConflicts_WritesNothingAndReportsIndex()
    {
        // Arrange
        var table = await NewTableAsync();
        await _client.InsertEntityAsync(table, new TableEntity("p", "0000000003") { ["Old"] = true });
        var actions = Enumerable.Range(1, 5)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D10}")))
            .ToList();

        // Act
        var ex = await Assert.ThrowsAsync<StorageConflictException>(() => _client.SubmitTransactionAsync(table, actions));

        // Assert
        Assert.Equal(2, ex.FailedActionIndex);
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        var stored = await _client.QueryPartitionAsync(table, "p").ToListAsync();
        Assert.Equal("0000000003", Assert.Single(stored).RowKey);
    }

    [Fact]
    public async Task SubmitTransaction_RowKeyTwiceInTheBatch_Fails400InvalidDuplicateRowWithIndex()
    {
        // Arrange
        var table = await NewTableAsync();
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "0000000001")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "0000000002")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "0000000001")),
        };

        // Act
        var ex = await Assert.ThrowsAsync<StorageException>(() => _client.SubmitTransactionAsync(table, actions));

        // Assert
        Assert.Equal(400, ex.Status);
        Assert.Equal("InvalidDuplicateRow", ex.ErrorCode);
        Assert.NotNull(ex.FailedActionIndex);
        Assert.Empty(await _client.QueryPartitionAsync(table, "p").ToListAsync());
    }

    [Fact]
    public async Task SubmitTransaction_DeleteOfMissingEntity_FailsNotAsConflict()
    {
        // Arrange
        var table = await NewTableAsync();
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "missing")),
        };

        // Act
        var ex = await Assert.ThrowsAsync<StorageNotFoundException>(() => _client.SubmitTransactionAsync(table, actions));

        // Assert
        Assert.Equal(1, ex.FailedActionIndex);
        Assert.Equal(404, ex.Status);
        Assert.Null(await _client.GetEntityAsync(table, "p", "a"));
    }

    [Fact]
    public async Task SubmitTransaction_UpsertsAndDelete_AppliesEach()
    {
        // Arrange
        var table = await NewTableAsync();
        await _client.InsertEntityAsync(table, new TableEntity("p", "gone"));
        await _client.InsertEntityAsync(table, new TableEntity("p", "merged") { ["A"] = 1 });
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "new") { ["A"] = 2 }),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "merged") { ["B"] = 3 }),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "gone")),
        };

        // Act
        await _client.SubmitTransactionAsync(table, actions);

        // Assert
        Assert.Equal(2, (await _client.GetEntityAsync(table, "p", "new"))!.GetInt32("A"));
        var merged = await _client.GetEntityAsync(table, "p", "merged");
        Assert.Equal(1, merged!.GetInt32("A"));
        Assert.Equal(3, merged.GetInt32("B"));
        Assert.Null(await _client.GetEntityAsync(table, "p", "gone"));
    }

    [Fact]
    public async Task SubmitTransaction_TwoPartitions_ThrowsArgumentException()
    {
        // Arrange
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p1", "a")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p2", "a")),
        };

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitTransactionAsync("anytable", actions));

        // Assert
        Assert.Contains("one partition", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTransaction_HundredAndOneActions_ThrowsArgumentException()
    {
        // Arrange
        var actions = Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i}")))
            .ToList();

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _client.SubmitTransactionAsync("anytable", actions));

        // Assert
        Assert.Contains("101", ex.Message, StringComparison.Ordinal);
    }

    private async Task<string> NewTableAsync()
    {
        var table = AzuriteFixture.NewTableName();
        await _client.CreateTableIfNotExistsAsync(table);
        return table;
    }
}
