using Azure.Data.Tables;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Forensics;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Forensics;

/// <summary>
/// Tampering goes straight through the table client at the stored entities, as someone with write access to the
/// storage account would. The refund run has 16 events; its appends end (and are checkpointed) at 1, 3, 5, 8, 10, 11, 14, 16.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChainAuditTamperTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, long> Tampering => new()
    {
        { "alter payload", 7 },
        { "alter event type", 5 },
        { "alter actor", 11 },
        { "alter tenant", 2 },
        { "alter causation", 9 },
        { "alter time", 12 },
        { "alter hash", 4 },
        { "delete first", 1 },
        { "delete middle", 6 },
        { "delete last", 16 },
        { "delete last two", 15 },
        { "delete whole run", 1 },
        { "insert forged event chained onto its predecessor", 10 },
        { "insert event with a made-up hash", 9 },
        { "insert valid event after the end", 17 },
        { "insert row that is not an event", 17 },
        { "reorder neighbours", 3 },
        { "reorder within a batch", 12 },
        { "rewrite and recompute the chain", 11 },
    };

    [Fact]
    public async Task VerifyRunAsync_Untouched_IsValidAndAnchored()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "session-7", Start);

        // Act
        var result = await new ChainAudit(store.Journal, store.Checkpoints).VerifyRunAsync(run.RunId, 16);

        // Assert
        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(16, result.EventsChecked);
        Assert.Equal(8, result.CheckpointsChecked);
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task VerifyRunAsync_TamperedEntities_AreCaughtAtTheFirstBadSeq(string tampering, long expectedSeq)
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var run = await store.RefundRunAsync("tenant-a", "session-7", Start);
        var indexed = (await store.Index.GetAsync("tenant-a", run.RunId))!.LastSeq;
        await TamperAsync(store, run, tampering);

        // Act
        var result = await new ChainAudit(store.Journal, store.Checkpoints).VerifyRunAsync(run.RunId, indexed);

        // Assert
        Assert.False(result.IsValid, $"{tampering} went unnoticed");
        Assert.Equal(expectedSeq, result.FirstBadSeq);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    [Fact]
    public async Task VerifyRunsAsync_WindowFromTheIndex_ReportsEachBrokenRunAndItsFirstBadSeq()
    {
        // Arrange
        var store = await ForensicsStore.CreateAsync(azurite);
        var runs = new List<StoredRun>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add(await store.RefundRunAsync(i % 2 == 0 ? "tenant-a" : "tenant-b", $"session-{i}", Start.AddMinutes(i)));
        }

        await TamperAsync(store, runs[1], "delete last");
        await TamperAsync(store, runs[3], "alter payload");
        var window = await RunWindow.ListAsync(store.Index, Start.AddHours(-1), Start.AddHours(1));

        // Act
        var report = await new ChainAudit(store.Journal, store.Checkpoints).VerifyRunsAsync(window);

        // Assert
        Assert.Equal(4, report.RunsChecked);
        Assert.Equal([(runs[1].RunId, 16L), (runs[3].RunId, 7L)], report.Broken.Select(b => (b.RunId, b.FirstBadSeq!.Value)));
    }

    private static async Task TamperAsync(ForensicsStore store, StoredRun run, string tampering)
    {
        var client = store.Client;
        var table = store.Journal.TableName;
        async Task<TableEntity> RowAsync(long seq) => (await client.GetEntityAsync(table, run.RunId, JournalEntity.RowKey(seq)))!;
        async Task EditAsync(long seq, string property, object value)
        {
            var row = await RowAsync(seq);
            row[property] = value;
            await client.UpsertEntityAsync(table, row);
        }

        async Task MoveAsync(long fromSeq, long toSeq, TableEntity? source = null)
        {
            var row = source ?? await RowAsync(fromSeq);
            var moved = new TableEntity(run.RunId, JournalEntity.RowKey(toSeq));
            foreach (var (name, value) in row.CustomProperties())
            {
                moved[name] = value;
            }

            await client.UpsertEntityAsync(table, moved);
        }

        switch (tampering)
        {
            case "alter payload":
                await EditAsync(7, "Payload", (await RowAsync(7)).GetString("Payload")!.Replace("true", "false", StringComparison.Ordinal));
                break;
            case "alter event type":
                await EditAsync(5, "EventType", nameof(ToolRejected));
                break;
            case "alter actor":
                await EditAsync(11, "Actor", Actors.Orchestrator);
                break;
            case "alter tenant":
                await EditAsync(2, "TenantId", "tenant-b");
                break;
            case "alter causation":
                await EditAsync(9, "CausationSeq", 1L);
                break;
            case "alter time":
                await EditAsync(12, "EventTime", (await RowAsync(12)).GetDateTime("EventTime")!.Value.AddTicks(1));
                break;
            case "alter hash":
                await EditAsync(4, "Hash", new string('a', 64));
                break;
            case "delete first":
                await client.DeleteEntityAsync(table, run.RunId, JournalEntity.RowKey(1));
                break;
            case "delete middle":
                await client.DeleteEntityAsync(table, run.RunId, JournalEntity.RowKey(6));
                break;
            case "delete last":
                await client.DeleteEntityAsync(table, run.RunId, JournalEntity.RowKey(16));
                break;
            case "delete last two":
                await client.DeleteEntityAsync(table, run.RunId, JournalEntity.RowKey(16));
                await client.DeleteEntityAsync(table, run.RunId, JournalEntity.RowKey(15));
                break;
            case "delete whole run":
                for (var seq = 1; seq <= 16; seq++)
                {
                    await client.DeleteEntityAsync(table, run.RunId, JournalEntity.RowKey(seq));
                }

                break;
            case "insert forged event chained onto its predecessor":
                // Shift 9..16 up by one and put a self-consistent forgery, hashed onto event 8, at Seq 9: the break shows at 10.
                for (var seq = 16; seq >= 9; seq--)
                {
                    await MoveAsync(seq, seq + 1);
                }

                await client.UpsertEntityAsync(table, JournalEntity.ToEntity(Forge(run.Events[8] with { Seq = 9, PrevHash = run.Events[7].Hash })));
                break;
            case "insert event with a made-up hash":
                for (var seq = 16; seq >= 9; seq--)
                {
                    await MoveAsync(seq, seq + 1);
                }

                await client.UpsertEntityAsync(table, JournalEntity.ToEntity(run.Events[8] with { Payload = """{"text":"forged"}""" }));
                break;
            case "insert valid event after the end":
                await client.InsertEntityAsync(table, JournalEntity.ToEntity(Forge(run.Events[^1] with { Seq = 17, Type = nameof(ResponseFinalized), PrevHash = run.Events[^1].Hash })));
                break;
            case "insert row that is not an event":
                await client.InsertEntityAsync(table, new TableEntity(run.RunId, JournalEntity.RowKey(17)) { ["Note"] = "planted" });
                break;
            case "reorder neighbours":
                var third = await RowAsync(3);
                await MoveAsync(4, 3);
                await MoveAsync(3, 4, third);
                break;
            case "reorder within a batch":
                var twelfth = await RowAsync(12);
                await MoveAsync(14, 12);
                await MoveAsync(12, 14, twelfth);
                break;
            case "rewrite and recompute the chain":
                var rewritten = run.Events.ToList();
                rewritten[10] = rewritten[10] with { Payload = rewritten[10].Payload.Replace("\"ana\"", "\"eve\"", StringComparison.Ordinal) };
                for (var i = 10; i < rewritten.Count; i++)
                {
                    rewritten[i] = Forge(rewritten[i] with { PrevHash = rewritten[i - 1].Hash });
                    await client.UpsertEntityAsync(table, JournalEntity.ToEntity(rewritten[i]));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, "No such tampering.");
        }
    }

    /// <summary>Gives an edited event the hash its content deserves, as a forger with the public hash format would.</summary>
    private static RunEvent Forge(RunEvent e) => e with { Hash = EventHasher.Compute(e) };
}
