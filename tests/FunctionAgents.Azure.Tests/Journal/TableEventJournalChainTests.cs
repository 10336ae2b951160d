using Azure.Data.Tables;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Journal;

/// <summary>Tampering goes straight through the table client, as an attacker with table access would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableEventJournalChainTests(AzuriteFixture azurite)
{
    private readonly TableStorageClient _client = azurite.CreateTableClient();

    [Fact]
    public async Task VerifyChain_Untouched_IsValid()
    {
        // Arrange
        var (journal, runId, _) = await NewRunAsync(10);

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(10, result.EventsChecked);
    }

    [Fact]
    public async Task VerifyChain_PayloadAltered_NamesThatSeq()
    {
        // Arrange
        var (journal, runId, _) = await NewRunAsync(10);
        var row = (await _client.GetEntityAsync(journal.TableName, runId, "0000000007"))!;
        row["Payload"] = row.GetString("Payload")!.Replace("answer", "ANSWER", StringComparison.Ordinal);
        await _client.UpsertEntityAsync(journal.TableName, row);

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.Equal(7, result.FirstBadSeq);
        Assert.Contains("Hash", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyChain_EventTimeAltered_NamesThatSeq()
    {
        // Arrange
        var (journal, runId, _) = await NewRunAsync(10);
        var row = (await _client.GetEntityAsync(journal.TableName, runId, "0000000004"))!;
        row["EventTime"] = row.GetDateTime("EventTime")!.Value.AddTicks(1);
        await _client.UpsertEntityAsync(journal.TableName, row);

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.Equal(4, result.FirstBadSeq);
    }

    [Fact]
    public async Task VerifyChain_EventDeleted_NamesTheMissingSeq()
    {
        // Arrange
        var (journal, runId, _) = await NewRunAsync(10);
        await _client.DeleteEntityAsync(journal.TableName, runId, "0000000005");

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.Equal(5, result.FirstBadSeq);
    }

    [Fact]
    public async Task VerifyChain_LastEventDeleted_IsStillAValidPrefix()
    {
        // Arrange
        var (journal, runId, _) = await NewRunAsync(10);
        await _client.DeleteEntityAsync(journal.TableName, runId, "0000000010");

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(9, result.EventsChecked);
    }

    [Fact]
    public async Task VerifyChain_EventInsertedWithValidOwnHash_NamesTheSeqAfterIt()
    {
        // Arrange: shift events 5..10 up by one and put a forged event, hashed correctly onto event 4, at Seq 5.
        var (journal, runId, events) = await NewRunAsync(10);
        for (var seq = 10; seq >= 5; seq--)
        {
            var row = (await _client.GetEntityAsync(journal.TableName, runId, JournalEntity.RowKey(seq)))!;
            await _client.UpsertEntityAsync(journal.TableName, CopyWithRowKey(row, JournalEntity.RowKey(seq + 1)));
        }

        var forged = JournalTestEvents.Make(runId, 1, firstSeq: 5, prevHash: events[3].Hash, variant: "forged")[0];
        await _client.UpsertEntityAsync(journal.TableName, JournalEntity.ToEntity(forged));

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.Equal(6, result.FirstBadSeq);
        Assert.Contains("PrevHash", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyChain_EventInsertedWithForgedHash_NamesThatSeq()
    {
        // Arrange
        var (journal, runId, events) = await NewRunAsync(4);
        var forged = events[3] with { Seq = 5, PrevHash = events[3].Hash, Payload = "{\"text\":\"forged\"}" };
        await _client.InsertEntityAsync(journal.TableName, JournalEntity.ToEntity(forged));

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.Equal(5, result.FirstBadSeq);
    }

    [Fact]
    public async Task VerifyChain_TwoEventsSwapped_NamesTheFirstSwappedSeq()
    {
        // Arrange
        var (journal, runId, _) = await NewRunAsync(10);
        var third = (await _client.GetEntityAsync(journal.TableName, runId, "0000000003"))!;
        var fourth = (await _client.GetEntityAsync(journal.TableName, runId, "0000000004"))!;
        await _client.UpsertEntityAsync(journal.TableName, CopyWithRowKey(fourth, "0000000003"));
        await _client.UpsertEntityAsync(journal.TableName, CopyWithRowKey(third, "0000000004"));

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.Equal(3, result.FirstBadSeq);
    }

    [Fact]
    public async Task VerifyChain_RowThatIsNotAnEvent_ReportedNotThrown()
    {
        // Arrange
        var (journal, runId, _) = await NewRunAsync(3);
        await _client.InsertEntityAsync(journal.TableName, new TableEntity(runId, "0000000004") { ["Note"] = "planted" });

        // Act
        var result = await journal.VerifyChainAsync(runId);

        // Assert
        Assert.Equal(4, result.FirstBadSeq);
        Assert.Contains("not a readable event", result.Problem, StringComparison.Ordinal);
    }

    private async Task<(TableEventJournal Journal, string RunId, IReadOnlyList<RunEvent> Events)> NewRunAsync(int count)
    {
        var journal = new TableEventJournal(_client, AzuriteFixture.NewTableName("ev"));
        await journal.CreateTableIfNotExistsAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Run(runId, count);
        await journal.AppendAsync(runId, 1, events);
        return (journal, runId, events);
    }

    private static TableEntity CopyWithRowKey(TableEntity source, string rowKey)
    {
        var copy = new TableEntity(source.PartitionKey, rowKey);
        foreach (var (name, value) in source.CustomProperties())
        {
            copy[name] = value;
        }

        return copy;
    }
}
