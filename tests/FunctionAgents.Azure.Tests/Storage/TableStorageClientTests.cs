using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageClientTests(AzuriteFixture azurite)
{
    private readonly TableStorageClient _client = azurite.CreateTableClient();

    [Fact]
    public async Task CreateTableIfNotExists_CalledTwice_SecondReturnsFalse()
    {
        // Arrange
        var table = AzuriteFixture.NewTableName();

        // Act
        var first = await _client.CreateTableIfNotExistsAsync(table);
        var second = await _client.CreateTableIfNotExistsAsync(table);

        // Assert
        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task DeleteTable_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        // Arrange
        var table = AzuriteFixture.NewTableName();
        await _client.CreateTableIfNotExistsAsync(table);

        // Act
        var deleted = await _client.DeleteTableAsync(table);
        var again = await _client.DeleteTableAsync(table);

        // Assert
        Assert.True(deleted);
        Assert.False(again);
    }

    [Fact]
    public async Task InsertEntity_EveryPropertyType_RoundTripsExactly()
    {
        // Arrange
        var table = await NewTableAsync();
        var time = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567);
        var guid = Guid.NewGuid();
        var entity = new TableEntity("run-1", "0000000001")
        {
            ["Text"] = "héllo 'quoted' \"double\" \n newline",
            ["Empty"] = string.Empty,
            ["Long"] = long.MaxValue,
            ["SmallLong"] = 3L,
            ["Int"] = int.MinValue,
            ["Bool"] = true,
            ["Double"] = 1.0,
            ["Fraction"] = 0.1 + 0.2,
            ["Time"] = time,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
            ["Guid"] = guid,
        };

        // Act
        await _client.InsertEntityAsync(table, entity);
        var read = await _client.GetEntityAsync(table, "run-1", "0000000001");

        // Assert
        Assert.NotNull(read);
        Assert.Equal("héllo 'quoted' \"double\" \n newline", read.GetString("Text"));
        Assert.Equal(string.Empty, read.GetString("Empty"));
        Assert.Equal(long.MaxValue, read.GetInt64("Long"));
        Assert.Equal(3L, read.GetInt64("SmallLong"));
        Assert.Equal(int.MinValue, read.GetInt32("Int"));
        Assert.True(read.GetBoolean("Bool"));
        Assert.Equal(1.0, read.GetDouble("Double"));
        Assert.Equal(0.1 + 0.2, read.GetDouble("Fraction"));
        Assert.Equal(time, read.GetDateTime("Time"));
        Assert.Equal(DateTimeKind.Utc, read.GetDateTime("Time")!.Value.Kind);
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, read.GetBinary("Bytes"));
        Assert.Equal(guid, read.GetGuid("Guid"));
        Assert.Equal(entity.CustomProperties().Count, read.CustomProperties().Count);
        Assert.Equal(typeof(long), read["Long"].GetType());
        Assert.Equal(typeof(int), read["Int"].GetType());
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task GetEntity_Missing_ReturnsNull()
    {
        // Arrange
        var table = await NewTableAsync();

        // Act
        var read = await _client.GetEntityAsync(table, "nobody", "nothing");

        // Assert
        Assert.Null(read);
    }

    [Fact]
    public async Task InsertEntity_KeyTaken_ThrowsConflictWithErrorCode()
    {
        // Arrange
        var table = await NewTableAsync();
        await _client.InsertEntityAsync(table, new TableEntity("p", "r") { ["V"] = 1 });

        // Act
        var ex = await Assert.ThrowsAsync<StorageConflictException>(() => _client.InsertEntityAsync(table, new TableEntity("p", "r") { ["V"] = 2 }));

        // Assert
        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(1, (await _client.GetEntityAsync(table, "p", "r"))!.GetInt32("V"));
    }

    [Fact]
    public async Task GetEntity_KeysWithQuotesSpacesAndUnicode_SignsAndRoundTrips()
    {
        // Arrange
        var table = await NewTableAsync();
        var entity = new TableEntity("O'Brien & co", "row +1 %20 ü€") { ["V"] = "x" };

        // Act
        await _client.InsertEntityAsync(table, entity);
        var read = await _client.GetEntityAsync(table, entity.PartitionKey, entity.RowKey);

        // Assert
        Assert.NotNull(read);
        Assert.Equal(entity.PartitionKey, read.PartitionKey);
        Assert.Equal(entity.RowKey, read.RowKey);
    }

    [Fact]
    public async Task UpsertEntity_ReplaceAndMerge_ApplyTheirSemantics()
    {
        // Arrange
        var table = await NewTableAsync();
        await _client.UpsertEntityAsync(table, new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });

        // Act
        await _client.UpsertEntityAsync(table, new TableEntity("p", "r") { ["A"] = 10 }, TableUpdateMode.Replace);
        var replaced = await _client.GetEntityAsync(table, "p", "r");
        await _client.UpsertEntityAsync(table, new TableEntity("p", "r") { ["C"] = 3 }, TableUpdateMode.Merge);
        var merged = await _client.GetEntityAsync(table, "p", "r");

        // Assert
        Assert.Equal(10, replaced!.GetInt32("A"));
        Assert.Null(replaced.GetInt32("B"));
        Assert.Equal(10, merged!.GetInt32("A"));
        Assert.Equal(3, merged.GetInt32("C"));
    }

    [Fact]
    public async Task DeleteEntity_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        // Arrange
        var table = await NewTableAsync();
        await _client.InsertEntityAsync(table, new TableEntity("p", "r"));

        // Act
        var deleted = await _client.DeleteEntityAsync(table, "p", "r");
        var again = await _client.DeleteEntityAsync(table, "p", "r");

        // Assert
        Assert.True(deleted);
        Assert.False(again);
        Assert.Null(await _client.GetEntityAsync(table, "p", "r"));
    }

    [Fact]
    public async Task InsertEntity_MissingTable_ThrowsNotFoundWithCode()
    {
        // Arrange
        var table = AzuriteFixture.NewTableName();

        // Act
        var ex = await Assert.ThrowsAsync<StorageNotFoundException>(() => _client.InsertEntityAsync(table, new TableEntity("p", "r")));

        // Assert
        Assert.Equal(404, ex.Status);
        Assert.Equal("TableNotFound", ex.ErrorCode);
        Assert.Contains(table, ex.Message, StringComparison.Ordinal);
    }

    private async Task<string> NewTableAsync()
    {
        var table = AzuriteFixture.NewTableName();
        await _client.CreateTableIfNotExistsAsync(table);
        return table;
    }
}
