using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Journal;

[Collection(AzuriteCollection.Name)]
public sealed class TableEventJournalTests(AzuriteFixture azurite)
{
    private readonly TableStorageClient _client = azurite.CreateTableClient();

    [Fact]
    public async Task AppendThenRead_Batch_RoundTripsEveryFieldIncludingSevenDigitTime()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Make(runId, 5);

        // Act
        await journal.AppendAsync(runId, 1, events);
        var read = await journal.ReadAsync(runId).ToListAsync();

        // Assert
        Assert.Equal(events, read);
        Assert.All(read, e => Assert.Equal(JournalTestEvents.Time.UtcTicks, e.OccurredAt.UtcTicks));
        Assert.All(read, e => Assert.Equal(e.Hash, e.ComputeHash()));
        Assert.Null(read[0].CausationSeq);
        Assert.Equal(1, read[1].CausationSeq);
    }

    [Fact]
    public async Task Append_StoredRow_MatchesPublicTableLayout()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Make(runId, 2);

        // Act
        await journal.AppendAsync(runId, 1, events);
        var first = await _client.GetEntityAsync(journal.TableName, runId, "0000000001");
        var second = await _client.GetEntityAsync(journal.TableName, runId, "0000000002");

        // Assert
        Assert.NotNull(first);
        Assert.Equal("ResponseDrafted", first.GetString("EventType"));
        Assert.Equal(JournalTestEvents.Time.UtcDateTime, first.GetDateTime("EventTime"));
        Assert.Equal("orchestrator", first.GetString("Actor"));
        Assert.Equal("tenant-ü", first.GetString("TenantId"));
        Assert.Equal("corr-1", first.GetString("CorrelationId"));
        Assert.False(first.CustomProperties().ContainsKey("CausationSeq"));
        Assert.Equal(1L, second!.GetInt64("CausationSeq"));
        Assert.StartsWith("00-", first.GetString("TraceParent"), StringComparison.Ordinal);
        Assert.Equal(1, first.GetInt32("SchemaVersion"));
        Assert.Equal(events[0].Payload, first.GetString("Payload"));
        Assert.Equal(events[0].PrevHash, first.GetString("PrevHash"));
        Assert.Equal(events[0].Hash, first.GetString("Hash"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task Append_SameEventsAgain_IsNoOpSuccess(int count)
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Make(runId, count);
        await journal.AppendAsync(runId, 1, events);

        // Act
        await journal.AppendAsync(runId, 1, events);

        // Assert
        Assert.Equal(events, await journal.ReadAsync(runId).ToListAsync());
    }

    [Fact]
    public async Task Append_DifferentBatchAtTakenSeq_ThrowsConflictAndWritesNothing()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var winner = JournalTestEvents.Make(runId, 3);
        await journal.AppendAsync(runId, 1, winner);
        var loser = JournalTestEvents.Make(runId, 3, firstSeq: 3, prevHash: winner[1].Hash, variant: "b");

        // Act
        var ex = await Assert.ThrowsAsync<JournalConflictException>(() => journal.AppendAsync(runId, 3, loser));

        // Assert
        Assert.Equal(3, ex.Seq);
        Assert.Equal(runId, ex.RunId);
        Assert.Equal(winner, await journal.ReadAsync(runId).ToListAsync());
    }

    [Fact]
    public async Task Append_DifferentSingleEventAtTakenSeq_ThrowsConflict()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        await journal.AppendAsync(runId, 1, JournalTestEvents.Make(runId, 1));
        var other = JournalTestEvents.Make(runId, 1, variant: "b");

        // Act
        var ex = await Assert.ThrowsAsync<JournalConflictException>(() => journal.AppendAsync(runId, 1, other));

        // Assert
        Assert.Equal(1, ex.Seq);
    }

    [Fact]
    public async Task Read_TenThousandEvents_ReadsAllInOrderAcrossPages()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Run(runId, 10_000);
        for (var i = 0; i < events.Count; i += 100)
        {
            await journal.AppendAsync(runId, i + 1, events.Skip(i).Take(100).ToList());
        }

        // Act
        var read = await journal.ReadAsync(runId).ToListAsync();

        // Assert
        Assert.Equal(10_000, read.Count);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), read.Select(e => e.Seq));
        Assert.Equal(events[^1].Hash, read[^1].Hash);
        Assert.True((await journal.VerifyChainAsync(runId)).IsValid);
    }

    [Fact]
    public async Task Read_SeqRange_ReturnsInclusiveSubset()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        await journal.AppendAsync(runId, 1, JournalTestEvents.Make(runId, 20));

        // Act
        var read = await journal.ReadAsync(runId, 5, 9).ToListAsync();

        // Assert
        Assert.Equal(new long[] { 5, 6, 7, 8, 9 }, read.Select(e => e.Seq));
    }

    [Fact]
    public async Task Read_UnknownRun_IsEmpty()
    {
        // Arrange
        var journal = await NewJournalAsync();

        // Act
        var read = await journal.ReadAsync("no-such-run").ToListAsync();

        // Assert
        Assert.Empty(read);
    }

    [Theory]
    [InlineData(32_001)]
    [InlineData(70_000)]
    [InlineData(400_000)]
    public async Task Append_LargePayload_ContinuesInNumberedPropertiesAndRoundTrips(int textLength)
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var text = string.Concat(Enumerable.Range(0, textLength).Select(i => (char)('a' + (i % 26))));
        var events = JournalTestEvents.Make(runId, 1, text: text);

        // Act
        await journal.AppendAsync(runId, 1, events);
        var read = await journal.ReadAsync(runId).SingleAsync();
        var row = await _client.GetEntityAsync(journal.TableName, runId, "0000000001");

        // Assert
        Assert.Equal(events[0].Payload, read.Payload);
        Assert.Equal(events[0].Hash, read.ComputeHash());
        Assert.Equal(32_000, row!.GetString("Payload")!.Length);
        var chunks = 1 + Enumerable.Range(1, 100).TakeWhile(i => row.CustomProperties().ContainsKey($"Payload_{i}")).Count();
        Assert.Equal((events[0].Payload.Length + 31_999) / 32_000, chunks);
    }

    [Fact]
    public async Task Append_EventOverOneMiB_RefusedNamingRunSeqAndSize()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Make(runId, 1, text: new string('x', 600_000));

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => journal.AppendAsync(runId, 1, events));

        // Assert
        Assert.Contains($"{runId}:1", ex.Message, StringComparison.Ordinal);
        Assert.Matches(@"is 1,20\d,\d{3} bytes", ex.Message);
        Assert.Contains("1 MiB", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await journal.ReadAsync(runId).ToListAsync());
    }

    [Fact]
    public async Task Append_BatchOverFourMiB_RefusedNamingRunAndSize()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Make(runId, 10, text: new string('y', 500_000));

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => journal.AppendAsync(runId, 1, events));

        // Assert
        Assert.Contains(runId, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Seq 1 to 10", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4 MiB", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await journal.ReadAsync(runId).ToListAsync());
    }

    [Fact]
    public async Task Append_HundredAndOneEvents_Refused()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Make(runId, 101);

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => journal.AppendAsync(runId, 1, events));

        // Assert
        Assert.Contains("101", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_SeqsNotFromExpectedNext_Refused()
    {
        // Arrange
        var journal = await NewJournalAsync();
        var runId = JournalTestEvents.NewRunId();
        var events = JournalTestEvents.Make(runId, 3, firstSeq: 2);

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => journal.AppendAsync(runId, 1, events));

        // Assert
        Assert.Contains("expected", ex.Message, StringComparison.Ordinal);
    }

    private async Task<TableEventJournal> NewJournalAsync()
    {
        var journal = new TableEventJournal(_client, AzuriteFixture.NewTableName("ev"));
        await journal.CreateTableIfNotExistsAsync();
        return journal;
    }
}
