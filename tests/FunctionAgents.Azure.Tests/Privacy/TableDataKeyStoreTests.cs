using Azure.Data.Tables;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Tests.Journal;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Privacy;

[Collection(AzuriteCollection.Name)]
public sealed class TableDataKeyStoreTests(AzuriteFixture azurite)
{
    private const string Email = "anna.schmidt@example.de";
    private readonly KeyEncryptionKey _kek = KeyEncryptionKey.FromBase64("test", KeyEncryptionKey.NewBase64());

    [Fact]
    public async Task GetOrCreateAsync_SameSubjectTwice_SameKeyAndBothRunsRecorded()
    {
        // Arrange
        var (store, _) = NewStore();

        // Act
        var first = await store.GetOrCreateAsync("tenant-a", Email, "run-1");
        var second = await store.GetOrCreateAsync("tenant-a", " ANNA.SCHMIDT@example.de", "run-2");
        var found = await store.FindAsync("tenant-a", first.KeyId);

        // Assert
        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(first.Material, second.Material);
        Assert.Equal(first.Material, found.Key!.Material);
        var destroyed = await store.DestroyAsync("tenant-a", Email);
        Assert.Equal(["run-1", "run-2"], destroyed!.RunIds.Order());
    }

    [Fact]
    public async Task DestroyAsync_Subject_NoKeyMaterialLeftAndLookupsSayErased()
    {
        // Arrange
        var (store, table) = NewStore();
        var key = await store.GetOrCreateAsync("tenant-a", Email, "run-1");

        // Act
        var destroyed = await store.DestroyAsync("tenant-a", Email);
        var again = await store.DestroyAsync("tenant-a", Email);

        // Assert
        Assert.Equal(1, destroyed!.KeysDestroyed);
        Assert.Equal(0, again!.KeysDestroyed);
        Assert.True((await store.FindAsync("tenant-a", key.KeyId)).Erased);
        Assert.Null(await store.DestroyAsync("tenant-a", "someone-else"));
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            Assert.False(row.ContainsKey("Wrapped"), $"{row.PartitionKey}/{row.RowKey} still holds key material");
            Assert.DoesNotContain(Email, string.Join("|", ((IDictionary<string, object>)row).Values), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DestroyAsync_SubjectFoundInOtherRuns_DestroysThoseRunsKeysAndTheirOwnersGetNewOnes()
    {
        // Arrange: run-1's key is its own (run:run-1); run-2's is customer 7's; Anna was found in both, by email and by id.
        var (store, _) = NewStore();
        var runKey = await store.GetOrCreateAsync("tenant-a", "run:run-1", "run-1");
        var customerKey = await store.GetOrCreateAsync("tenant-a", "7", "run-2");
        var untouched = await store.GetOrCreateAsync("tenant-a", "someone@example.com", "run-3");
        await store.LinkAsync("tenant-a", "run-1", runKey.KeyId, [Email]);
        await store.LinkAsync("tenant-a", "run-1", runKey.KeyId, ["1"]);
        await store.LinkAsync("tenant-a", "run-2", customerKey.KeyId, ["ANNA.schmidt@example.de"]);

        // Act
        var byEmail = await store.DestroyAsync("tenant-a", Email);
        var byIdAfterwards = await store.DestroyAsync("tenant-a", "1");
        var customersNextKey = await store.GetOrCreateAsync("tenant-a", "7", "run-4");

        // Assert
        Assert.Equal(2, byEmail!.KeysDestroyed);
        Assert.Equal(["run-1", "run-2"], byEmail.RunIds.Order());
        Assert.True((await store.FindAsync("tenant-a", runKey.KeyId)).Erased);
        Assert.True((await store.FindAsync("tenant-a", customerKey.KeyId)).Erased);
        Assert.Equal(0, byIdAfterwards!.KeysDestroyed);
        Assert.Equal(["run-1"], byIdAfterwards.RunIds);
        Assert.NotEqual(customerKey.KeyId, customersNextKey.KeyId);
        Assert.False((await store.FindAsync("tenant-a", untouched.KeyId)).Erased);
        Assert.Null(await store.DestroyAsync("tenant-a", "nobody@example.com"));
    }

    [Fact]
    public async Task FindAsync_WithoutAKek_ReadsAsUnknownNotErased()
    {
        // Arrange
        var (store, table) = NewStore();
        var key = await store.GetOrCreateAsync("tenant-a", Email, "run-1");
        var reader = new TableDataKeyStore(table, null, TimeProvider.System);

        // Act
        var lookup = await reader.FindAsync("tenant-a", key.KeyId);

        // Assert
        Assert.Null(lookup.Key);
        Assert.False(lookup.Erased);
        await Assert.ThrowsAsync<KeyStoreUnavailableException>(() => reader.GetOrCreateAsync("tenant-a", Email, "run-2"));
    }

    [Fact]
    public async Task GetOrCreateAsync_StoreUnreachable_FailsWithTheNamedReason()
    {
        // Arrange: a table endpoint where nothing listens
        var options = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } };
        var dead = new TableClient(new Uri("http://127.0.0.1:9/devstoreaccount1"), "keys", new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])), options);
        var store = new TableDataKeyStore(dead, _ => Task.FromResult(_kek), TimeProvider.System);

        // Act
        var error = await Assert.ThrowsAsync<KeyStoreUnavailableException>(() => store.GetOrCreateAsync("tenant-a", Email, "run-1"));

        // Assert
        Assert.StartsWith(KeyStoreUnavailableException.ReasonCode, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedJournal_RunOnAzurite_NoEntityHoldsThePlaintextAndErasureKeepsTheChain()
    {
        // Arrange
        var (store, _) = NewStore();
        var journalTable = AzuriteFixture.NewTableName("j");
        var raw = new TableEventJournal(azurite.CreateTableClient(), journalTable);
        await azurite.CreateTableClient().CreateTableIfNotExistsAsync(journalTable);
        var journal = new PersonalDataJournal(raw, store);
        var runId = JournalTestEvents.NewRunId();
        var identity = new RunIdentity(runId, "tenant-a", "corr", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var started = EventSealer.Seal(identity, 1, EventHasher.GenesisHash, JournalTestEvents.Time, [new EventDraft(Actors.Orchestrator, new RunStarted($"Refund for {Email}", 5, 1m, JournalTestEvents.Time, "http", null, null), null)]);
        var start = await journal.ProtectAsync(started);
        await journal.AppendAsync(runId, 1, start.Stored);
        var answer = EventSealer.Seal(identity, 2, start.Stored[0].Hash, JournalTestEvents.Time, [new EventDraft(Actors.Orchestrator, new ResponseFinalized($"Done, {Email}"), 1)]);
        var rest = await journal.ProtectAsync(answer);
        await journal.AppendAsync(runId, 2, rest.Stored);

        // Act
        await store.DestroyAsync("tenant-a", Email);

        // Assert
        await foreach (var entity in new TableServiceClient(azurite.ConnectionString).GetTableClient(journalTable).QueryAsync<TableEntity>())
        {
            Assert.DoesNotContain(Email, string.Join("|", ((IDictionary<string, object>)entity).Values), StringComparison.OrdinalIgnoreCase);
        }

        Assert.True((await journal.VerifyChainAsync(runId)).IsValid);
        var read = await journal.ReadAsync(runId).ToListAsync();
        Assert.Equal(PersonalData.ErasedText, read[0].PayloadAs<RunStarted>().Goal);
        Assert.Equal(PersonalData.ErasedText, read[1].PayloadAs<ResponseFinalized>().Text);
    }

    [Fact]
    public async Task FindRunsAsync_PersonLinkedToTwoRunKeys_ListsBothAndErasingDestroysOnlyThose()
    {
        // Arrange: three runs with keys of their own; Anna appears in two.
        var (store, _) = NewStore();
        var keys = new List<DataKey>();
        foreach (var runId in new[] { "run-1", "run-2", "run-3" })
        {
            keys.Add(await store.GetOrCreateAsync("tenant-a", "run:" + runId, runId));
        }

        await store.LinkAsync("tenant-a", "run-1", keys[0].KeyId, [Email]);
        await store.LinkAsync("tenant-a", "run-3", keys[2].KeyId, [Email.ToUpperInvariant()]);

        // Act
        var found = await store.FindRunsAsync("tenant-a", "Anna.Schmidt@Example.de");
        var unknown = await store.FindRunsAsync("tenant-a", "nobody@example.com");
        var otherTenant = await store.FindRunsAsync("tenant-b", Email);
        var destroyed = await store.DestroyAsync("tenant-a", Email);

        // Assert
        Assert.Equal(["run-1", "run-3"], found!.Order(StringComparer.Ordinal));
        Assert.Null(unknown);
        Assert.Null(otherTenant);
        Assert.Equal(2, destroyed!.KeysDestroyed);
        Assert.True((await store.FindAsync("tenant-a", keys[0].KeyId)).Erased);
        Assert.NotNull((await store.FindAsync("tenant-a", keys[1].KeyId)).Key);
        Assert.True((await store.FindAsync("tenant-a", keys[2].KeyId)).Erased);
    }

    private (TableDataKeyStore Store, TableClient Table) NewStore()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("k"));
        return (new TableDataKeyStore(table, _ => Task.FromResult(_kek), TimeProvider.System), table);
    }
}
