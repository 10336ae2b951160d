using Azure.Core.Pipeline;
using Azure.Core;
using Azure.Data.Tables;
using FunctionAgents.Azure.Privacy;
using FunctionAgents.Azure.Tests.Journal;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.Privacy;

/// <summary>
/// Issue 25: what the data keys and subject links cost in storage requests, counted on the real TableClient against
/// Azurite (a run's key is one request at start; a batch's new subjects are one request together, none when it names
/// none), and that the derived per-run key holds under concurrency and erasure.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDataKeyStoreRequestTests(AzuriteFixture azurite)
{
    private const string Tenant = "tenant-a";
    private static readonly RunIdentity Identity = new("run-placeholder", Tenant, "corr", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    private readonly KeyEncryptionKey _kek = KeyEncryptionKey.FromBase64("test", KeyEncryptionKey.NewBase64());

    [Fact]
    public async Task Protect_RunStart_OneKeyRequestAndTheBatchLooksTheKeyUpFromTheCache()
    {
        // Arrange
        var (store, counter, _) = NewStore();
        await store.FindAsync(Tenant, "warm-up"); // the table's CreateIfNotExists, once per process
        counter.Reset();
        var journal = new PersonalDataJournal(new InMemoryEventJournal(), new CachingDataKeyStore(store, TimeSpan.FromSeconds(30), TimeProvider.System));
        var runId = JournalTestEvents.NewRunId();

        // Act
        var start = await journal.ProtectAsync(Start(runId));

        // Assert
        Assert.Equal(1, counter.Requests);
        Assert.Contains(RunKeyIds.Of(Tenant, runId), start.Stored[0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protect_RunStartNamingACustomer_TheKeyAndTheLinkAreOneRequest()
    {
        // Arrange
        var (store, counter, _) = NewStore();
        await store.FindAsync(Tenant, "warm-up");
        counter.Reset();
        var journal = new PersonalDataJournal(new InMemoryEventJournal(), new CachingDataKeyStore(store, TimeSpan.FromSeconds(30), TimeProvider.System));
        var runId = JournalTestEvents.NewRunId();
        var metadata = new Dictionary<string, string> { ["customer_email"] = "Anna.Schmidt@example.de" };

        // Act
        await journal.ProtectAsync(Start(runId, metadata));
        var starting = counter.Requests;

        // Assert
        Assert.Equal(1, starting);
        Assert.Equal([runId], await store.FindRunsAsync(Tenant, "anna.schmidt@example.de"));
    }

    [Fact]
    public async Task Protect_BatchNamingThreeNewSubjects_OneLinkRequestAndNoneForABatchNamingNobody()
    {
        // Arrange
        var (store, counter, _) = NewStore();
        var keys = new CachingDataKeyStore(store, TimeSpan.FromSeconds(30), TimeProvider.System);
        var journal = new PersonalDataJournal(new InMemoryEventJournal(), keys);
        var runId = JournalTestEvents.NewRunId();
        var start = await journal.ProtectAsync(Start(runId));
        counter.Reset();

        // Act
        var named = await journal.ProtectAsync(Answer(runId, 2, start.Stored[^1].Hash, "Wrote to a@example.com, b@example.com and c@example.com."));
        var linking = counter.Requests;
        counter.Reset();
        await journal.ProtectAsync(Answer(runId, 3, named.Stored[^1].Hash, "Done; nobody else was told."));
        var plain = counter.Requests;

        // Assert
        Assert.Equal(1, linking);
        Assert.Equal(0, plain);
        foreach (var person in new[] { "a@example.com", "B@example.com", "c@example.com" })
        {
            Assert.Equal([runId], await store.FindRunsAsync(Tenant, person));
        }
    }

    [Fact]
    public async Task GetOrCreateRunKeyAsync_TwoWritersAtOnce_OneKeyAndBothWritersSubjectsLinked()
    {
        // Arrange: two processes (two stores, one table)
        var (first, _, table) = NewStore();
        var second = new TableDataKeyStore(table, _ => Task.FromResult(_kek), TimeProvider.System);
        var runId = JournalTestEvents.NewRunId();

        // Act
        var keys = await Task.WhenAll(
            first.GetOrCreateRunKeyAsync(Tenant, runId, ["a@example.com"]),
            second.GetOrCreateRunKeyAsync(Tenant, runId, ["b@example.com"]));

        // Assert
        Assert.Equal([runId], await first.FindRunsAsync(Tenant, "a@example.com"));
        Assert.Equal([runId], await first.FindRunsAsync(Tenant, "b@example.com"));
        Assert.Equal(keys[0].Key!.KeyId, keys[1].Key!.KeyId);
        Assert.Equal(keys[0].Key!.Material, keys[1].Key!.Material);
        Assert.Equal(keys[0].Key!.Material, (await first.FindAsync(Tenant, keys[0].Key!.KeyId)).Key!.Material);
    }

    [Fact]
    public async Task DestroyAsync_TheRunSubject_ListsTheRunAndTheRunKeepsWritingErased()
    {
        // Arrange: a run going on while the run itself is erased
        var (store, _, _) = NewStore();
        var journal = new PersonalDataJournal(new InMemoryEventJournal(), store);
        var runId = JournalTestEvents.NewRunId();
        var start = await journal.ProtectAsync(Start(runId));

        // Act
        var found = await store.FindRunsAsync(Tenant, "run:" + runId);
        var destroyed = await store.DestroyAsync(Tenant, "RUN:" + runId.ToUpperInvariant());
        var again = await store.DestroyAsync(Tenant, "run:" + runId);
        var recreated = await store.GetOrCreateRunKeyAsync(Tenant, runId);
        var later = await new PersonalDataJournal(new InMemoryEventJournal(), store)
            .ProtectAsync(Answer(runId, 2, start.Stored[^1].Hash, "Wrote to a@example.com."));

        // Assert
        Assert.Equal([runId], found);
        Assert.Equal(1, destroyed!.KeysDestroyed);
        Assert.Equal([runId], destroyed.RunIds);
        Assert.Equal(0, again!.KeysDestroyed);
        Assert.True(recreated.Erased);
        Assert.DoesNotContain("a@example.com", later.Stored[0].Payload, StringComparison.Ordinal);
        Assert.Contains(PersonalData.ErasedText, later.Stored[0].Payload, StringComparison.Ordinal);
        Assert.Null(await store.FindRunsAsync(Tenant, "a@example.com")); // nothing was linked under a destroyed key
    }

    [Fact]
    public async Task FindAndDestroy_JournalsOfEveryLayout_FoundAndErasedWithoutAMigration()
    {
        // Arrange: Anna in a run with a per-subject key, in a run with a random per-run key (linked the old way, a row
        // of her runs_ partition), in a run with a derived key kept in the shared key partition (before keys moved to
        // their tenant's partition) and in a run with a derived key (linked the current way).
        var (store, _, table) = NewStore();
        const string Anna = "anna.schmidt@example.de";
        var subjectKey = await store.GetOrCreateAsync(Tenant, Anna, "run-subject");
        var randomKey = await store.GetOrCreateAsync(Tenant, "run:run-random", "run-random");
        await table.UpsertEntityAsync(new TableEntity("runs_" + SubjectIds.Reference(Tenant, Anna), "run-random")
        {
            ["TenantId"] = Tenant,
            ["KeyId"] = randomKey.KeyId,
            ["Linked"] = true,
        });
        var shared = await store.CreateRunKeyInSharedPartitionAsync(Tenant, "run-shared");
        await store.LinkAsync(Tenant, "run-shared", shared.KeyId, [Anna]);
        var sharedBefore = await store.FindAsync(Tenant, shared.KeyId);
        var derived = (await store.GetOrCreateRunKeyAsync(Tenant, "run-derived")).Key!;
        await store.LinkAsync(Tenant, "run-derived", derived.KeyId, [Anna]);
        var bystander = (await store.GetOrCreateRunKeyAsync(Tenant, "run-other")).Key!;

        // Act
        var found = await store.FindRunsAsync(Tenant, Anna);
        var destroyed = await store.DestroyAsync(Tenant, Anna);
        var byOldRunSubject = await store.FindRunsAsync(Tenant, "run:run-random");

        // Assert
        Assert.Equal(shared.Material, sharedBefore.Key!.Material);
        Assert.Equal(["run-derived", "run-random", "run-shared", "run-subject"], found!.Order(StringComparer.Ordinal));
        Assert.Equal(4, destroyed!.KeysDestroyed);
        Assert.True((await store.FindAsync(Tenant, shared.KeyId)).Erased);
        Assert.True((await store.FindAsync(Tenant, subjectKey.KeyId)).Erased);
        Assert.True((await store.FindAsync(Tenant, randomKey.KeyId)).Erased);
        Assert.True((await store.FindAsync(Tenant, derived.KeyId)).Erased);
        Assert.NotNull((await store.FindAsync(Tenant, bystander.KeyId)).Key);
        Assert.Equal(["run-random"], byOldRunSubject);
    }

    private (TableDataKeyStore Store, RequestCounter Counter, TableClient Table) NewStore()
    {
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.NewTableName("k"), options);
        return (new TableDataKeyStore(table, _ => Task.FromResult(_kek), TimeProvider.System), counter, table);
    }

    private static IReadOnlyList<RunEvent> Start(string runId, IReadOnlyDictionary<string, string>? metadata = null) =>
        EventSealer.Seal(Identity with { RunId = runId }, 1, EventHasher.GenesisHash, JournalTestEvents.Time,
            [new EventDraft(Actors.Orchestrator, new RunStarted("Refund order 1042", 5, 1m, JournalTestEvents.Time, "http", null, metadata), null)]);

    private static IReadOnlyList<RunEvent> Answer(string runId, long seq, string prevHash, string text) =>
        EventSealer.Seal(Identity with { RunId = runId }, seq, prevHash, JournalTestEvents.Time,
            [new EventDraft(Actors.Orchestrator, new ResponseFinalized(text), 1)]);

    /// <summary>Counts the requests a TableClient sends (once per call, whatever its retries).</summary>
    private sealed class RequestCounter : HttpPipelinePolicy
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public void Reset() => Interlocked.Exchange(ref _requests, 0);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _requests);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _requests);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
