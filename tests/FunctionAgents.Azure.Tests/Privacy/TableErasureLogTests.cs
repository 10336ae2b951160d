using Azure.Data.Tables;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Privacy;

[Collection(AzuriteCollection.Name)]
public sealed class TableErasureLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AppendThenListAndFind_RecordsRoundTripInTimeOrderPerTenant()
    {
        // Arrange
        var log = new TableErasureLog(new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("e")));
        var at = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var later = new ErasureRecord("tenant-a", "ref-2", at.AddHours(1), "admin:ops", ["run-3"], 1);
        var earlier = new ErasureRecord("tenant-a", "ref-1", at, "admin:ops", ["run-1", "run-2"], 1);
        await log.AppendAsync(later);
        await log.AppendAsync(earlier);
        await log.AppendAsync(new ErasureRecord("tenant-b", "ref-9", at, "admin:ops", [], 1));

        // Act
        var listed = await log.ListAsync("tenant-a", at.AddMinutes(-1), at.AddHours(2)).ToListAsync();
        var found = await log.FindAsync("tenant-a", "ref-1");

        // Assert
        Assert.Equal(["ref-1", "ref-2"], listed.Select(r => r.SubjectRef));
        Assert.Equal(["run-1", "run-2"], found!.RunIds);
        Assert.Equal(earlier.ErasedAt, found.ErasedAt);
        Assert.Null(await log.FindAsync("tenant-b", "ref-1"));
    }
}
