using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    private readonly TableStorageClient _client = azurite.CreateTableClient();

    [Fact]
    public async Task QueryPartition_MoreThanOnePage_FollowsContinuationInOrder()
    {
        // Arrange
        var table = await NewTableAsync();
        await InsertRowsAsync(table, "run", 2_345);
        await InsertRowsAsync(table, "other", 10);

        // Act
        var pages = await _client.QueryPagesAsync(table, new TableQuery { Filter = TableFilter.Create($"PartitionKey eq {"run"}") }).ToListAsync();
        var all = pages.SelectMany(p => p).ToList();

        // Assert
        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        Assert.All(pages, p => Assert.True(p.Count <= 1000));
        Assert.Equal(2_345, all.Count);
        Assert.Equal(Enumerable.Range(1, 2_345).Select(i => $"{i:D10}"), all.Select(e => e.RowKey));
    }

    [Fact]
    public async Task QueryPartition_RowKeyRange_ReturnsInclusiveRange()
    {
        // Arrange
        var table = await NewTableAsync();
        await InsertRowsAsync(table, "run", 50);

        // Act
        var range = await _client.QueryPartitionAsync(table, "run", $"{10:D10}", $"{20:D10}").ToListAsync();

        // Assert
        Assert.Equal(Enumerable.Range(10, 11).Select(i => $"{i:D10}"), range.Select(e => e.RowKey));
    }

    [Fact]
    public async Task Query_FilterSelectAndTop_ReturnsMatchingSubset()
    {
        // Arrange
        var table = await NewTableAsync();
        var since = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 20; i++)
        {
            await _client.InsertEntityAsync(table, new TableEntity("p", $"{i:D3}")
            {
                ["Tenant"] = i % 2 == 0 ? "O'Neil" : "other",
                ["At"] = since.AddDays(i),
                ["Count"] = (long)i,
                ["Extra"] = "x",
            });
        }

        var filter = TableFilter.Create($"Tenant eq {"O'Neil"} and At ge {since.AddDays(4)} and Count lt {16L}");

        // Act
        var found = await _client.QueryAsync(table, new TableQuery { Filter = filter, Select = ["Tenant", "Count"], Top = 5, PageSize = 2 }).ToListAsync();

        // Assert
        Assert.Equal(new long[] { 4, 6, 8, 10, 12 }, found.Select(e => e.GetInt64("Count")!.Value));
        Assert.All(found, e => Assert.Null(e["Extra"]));
    }

    private async Task<string> NewTableAsync()
    {
        var table = AzuriteFixture.NewTableName();
        await _client.CreateTableIfNotExistsAsync(table);
        return table;
    }

    private async Task InsertRowsAsync(string table, string partition, int count)
    {
        for (var start = 1; start <= count; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, count - start + 1))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{i:D10}") { ["N"] = i }))
                .ToList();
            await _client.SubmitTransactionAsync(table, actions);
        }
    }
}
