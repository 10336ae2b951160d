using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Testing.Stores;
using Microsoft.Extensions.Time.Testing;

namespace FunctionAgents.Runtime.Tests.Privacy;

/// <summary>
/// One data key per run (issue 25): erasing a person destroys the keys of the runs they appear in and no other run;
/// journals written with the former per-subject keys stay readable and erasable; a process's key cache makes an
/// erasure elsewhere effective within its bound.
/// </summary>
public sealed class PerRunKeyTests
{
    private const string Customer = "c-7";
    private const string Goal = "Check the status of my order 1042";
    private readonly InMemoryEventJournal _stored = new();
    private readonly InMemoryDataKeyStore _keys = new();

    [Fact]
    public async Task Erase_PersonFoundInOneRunOfACustomer_TheCustomersOtherRunStaysReadable()
    {
        // Arrange: two runs of customer c-7; only the first finds Anna.
        var journal = new PersonalDataJournal(_stored, _keys);
        await StartAsync(journal, "run-anna", Customer);
        await ObserveAsync(journal, "run-anna", $$"""{"rows":[{"name":"Anna Schmidt","email":"{{PrivacyTestRun.Email}}"}]}""");
        await StartAsync(journal, "run-other", Customer);
        var eraser = new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System);

        // Act
        var outcome = await eraser.EraseAsync("tenant-a", PrivacyTestRun.Email, "admin:ops");

        // Assert
        Assert.Equal(["run-anna"], outcome.Record!.RunIds);
        Assert.Equal(PersonalData.ErasedText, (await RunReader.LoadAsync(journal, "run-anna")).Goal);
        Assert.Equal(Goal, (await RunReader.LoadAsync(journal, "run-other")).Goal);
        Assert.True((await journal.VerifyChainAsync("run-anna")).IsValid);
    }

    [Fact]
    public async Task Erase_TheRunsOwnSubject_ErasesEveryRunOfIt()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        await StartAsync(journal, "run-1", Customer);
        await StartAsync(journal, "run-2", Customer.ToUpperInvariant());
        await StartAsync(journal, "run-3", "c-8");
        var eraser = new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System);

        // Act
        var found = await _keys.FindRunsAsync("tenant-a", Customer);
        var outcome = await eraser.EraseAsync("tenant-a", Customer, "admin:ops");

        // Assert
        Assert.Equal(["run-1", "run-2"], found);
        Assert.Equal(["run-1", "run-2"], outcome.Record!.RunIds.Order(StringComparer.Ordinal));
        Assert.Equal(2, outcome.Record.KeysDestroyed);
        Assert.Equal(PersonalData.ErasedText, (await RunReader.LoadAsync(journal, "run-2")).Goal);
        Assert.Equal(Goal, (await RunReader.LoadAsync(journal, "run-3")).Goal);
    }

    [Fact]
    public async Task Erase_JournalWrittenWithAPerSubjectKey_ReadableThenErasedWithoutAMigration()
    {
        // Arrange: the former writer encrypted with the subject's key and linked nothing.
        var legacy = new PersonalDataJournal(_stored, new PerSubjectKeyStore(_keys));
        await StartAsync(legacy, "run-old", PrivacyTestRun.Email);
        var journal = new PersonalDataJournal(_stored, _keys);
        var keyId = FieldCipher.IsEnvelope(System.Text.Json.Nodes.JsonNode.Parse((await ToListAsync("run-old"))[0].Payload)!["goal"], out var id) ? id : null;
        var subjectKey = await _keys.GetOrCreateAsync("tenant-a", PrivacyTestRun.Email, "run-old");
        var before = await RunReader.LoadAsync(journal, "run-old");

        // The run goes on under the current writer: it keeps the key its goal names.
        await ObserveAsync(journal, "run-old", """{"rows":[{"status":"shipped"}]}""");
        var eraser = new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System);

        // Act
        var outcome = await eraser.EraseAsync("tenant-a", PrivacyTestRun.Email, "admin:ops");

        // Assert
        Assert.Equal(subjectKey.KeyId, keyId);
        Assert.Equal(Goal, before.Goal);
        Assert.Contains("run-old", outcome.Record!.RunIds);
        var events = await ReadAsync(journal, "run-old");
        Assert.Equal(PersonalData.ErasedText, events[0].PayloadAs<RunStarted>().Goal);
        Assert.Equal(PersonalData.ErasedText, events[^1].PayloadAs<ObservationCaptured>().Observation.Output!.Value.GetString());
        Assert.True((await journal.VerifyChainAsync("run-old")).IsValid);
    }

    [Fact]
    public async Task Cache_ErasureByAnotherProcess_KeyUnusableForReadsAndWritesAfterTheBound()
    {
        // Arrange: two processes, each with its own cache, on one key store.
        var clock = new FakeTimeProvider(PrivacyTestRun.Time);
        var counting = new CountingKeyStore(_keys);
        var writer = new PersonalDataJournal(_stored, new CachingDataKeyStore(counting, TimeSpan.FromSeconds(30), clock));
        var other = new CachingDataKeyStore(_keys, TimeSpan.FromSeconds(30), clock);
        await StartAsync(writer, "run-live", Customer);
        await RunReader.LoadAsync(writer, "run-live");
        var lookups = counting.Finds;
        await RunReader.LoadAsync(writer, "run-live");
        var lookupsOfACachedRead = counting.Finds - lookups;

        // Act
        await new SubjectEraser(other, new InMemoryErasureLog(), clock).EraseAsync("tenant-a", Customer, "admin:ops");
        clock.Advance(TimeSpan.FromSeconds(31));
        var read = await RunReader.LoadAsync(writer, "run-live");
        var written = await ObserveAsync(writer, "run-live", $$"""{"rows":[{"email":"{{PrivacyTestRun.Email}}"}]}""");

        // Assert
        Assert.Equal(0, lookupsOfACachedRead);
        Assert.Equal(PersonalData.ErasedText, read.Goal);
        Assert.DoesNotContain(FieldCipher.Marker, written.Payload, StringComparison.Ordinal);
        Assert.Contains(PersonalData.ErasedText, written.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_TheRunItselfWhileItGoes_ListsTheRunAndItsLaterDataIsStoredErased()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        await StartAsync(journal, "run-live", Customer);
        var eraser = new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System);

        // Act
        var outcome = await eraser.EraseAsync("tenant-a", "run:run-live", "admin:ops");
        var written = await ObserveAsync(new PersonalDataJournal(_stored, _keys), "run-live", $$"""{"rows":[{"email":"{{PrivacyTestRun.Email}}"}]}""");

        // Assert
        Assert.Equal(ErasureStatus.Erased, outcome.Status);
        Assert.Equal(["run-live"], outcome.Record!.RunIds);
        Assert.Equal(1, outcome.Record.KeysDestroyed);
        Assert.DoesNotContain(PrivacyTestRun.Email, written.Payload, StringComparison.Ordinal);
        Assert.Contains(PersonalData.ErasedText, written.Payload, StringComparison.Ordinal);
        Assert.True((await _keys.GetOrCreateRunKeyAsync("tenant-a", "run-live")).Erased);
    }

    [Fact]
    public async Task Cache_WithinTheBound_ServesTheKeyWithoutAStoreRequest()
    {
        // Arrange
        var clock = new FakeTimeProvider(PrivacyTestRun.Time);
        var counting = new CountingKeyStore(_keys);
        var cache = new CachingDataKeyStore(counting, TimeSpan.FromSeconds(30), clock);
        var key = await _keys.GetOrCreateAsync("tenant-a", "run:r", "r");

        // Act
        await cache.FindAsync("tenant-a", key.KeyId);
        clock.Advance(TimeSpan.FromSeconds(29));
        await cache.FindAsync("tenant-a", key.KeyId);
        var withinBound = counting.Finds;
        clock.Advance(TimeSpan.FromSeconds(2));
        await cache.FindAsync("tenant-a", key.KeyId);

        // Assert
        Assert.Equal(1, withinBound);
        Assert.Equal(2, counting.Finds);
    }

    private static async Task StartAsync(PersonalDataJournal journal, string runId, string customer)
    {
        var start = PrivacyTestRun.Start(runId, Goal, new Dictionary<string, string> { ["customer_id"] = customer });
        await journal.AppendAsync(runId, 1, (await journal.ProtectAsync(start)).Stored);
    }

    private async Task<RunEvent> ObserveAsync(PersonalDataJournal journal, string runId, string output)
    {
        var last = (await ToListAsync(runId))[^1];
        var observation = new ToolObservation(true, PrivacyTestRun.Json(output), null, 3, false);
        var batch = EventSealer.Seal(PrivacyTestRun.Identity(runId), last.Seq + 1, last.Hash, PrivacyTestRun.Time.AddSeconds(last.Seq),
            [new EventDraft(Actors.ToolExecutor, new ObservationCaptured("s1", "query_sql", $"{runId}:{last.Seq + 1}", observation), 1)]);
        var stored = (await journal.ProtectAsync(batch)).Stored;
        await journal.AppendAsync(runId, last.Seq + 1, stored);
        return stored[^1];
    }

    private async Task<List<RunEvent>> ToListAsync(string runId)
    {
        var events = new List<RunEvent>();
        await foreach (var e in _stored.ReadAsync(runId))
        {
            events.Add(e);
        }

        return events;
    }

    private static async Task<List<RunEvent>> ReadAsync(PersonalDataJournal journal, string runId)
    {
        var events = new List<RunEvent>();
        await foreach (var e in journal.ReadAsync(runId))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>The key store as the writer before per-run keys used it: the run's key is its subject's, and no link is written.</summary>
    private sealed class PerSubjectKeyStore(InMemoryDataKeyStore inner) : IDataKeyStore
    {
        public async Task<DataKeyLookup> GetOrCreateRunKeyAsync(
            string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
            new(await inner.GetOrCreateAsync(tenantId, PrivacyTestRun.Email, runId, cancellationToken), false);

        public Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;

        public Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default) => inner.FindAsync(tenantId, keyId, cancellationToken);

        public Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
            inner.DestroyAsync(tenantId, subjectId, cancellationToken);

        public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
            inner.FindRunsAsync(tenantId, subjectId, cancellationToken);
    }

    /// <summary>Counts the key lookups that reach the store.</summary>
    private sealed class CountingKeyStore(IDataKeyStore inner) : IDataKeyStore
    {
        private int _finds;

        public int Finds => _finds;

        public Task<DataKeyLookup> GetOrCreateRunKeyAsync(
            string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
            inner.GetOrCreateRunKeyAsync(tenantId, runId, subjectIds, cancellationToken);

        public Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
            inner.LinkAsync(tenantId, runId, keyId, subjectIds, cancellationToken);

        public Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _finds);
            return inner.FindAsync(tenantId, keyId, cancellationToken);
        }

        public Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
            inner.DestroyAsync(tenantId, subjectId, cancellationToken);

        public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
            inner.FindRunsAsync(tenantId, subjectId, cancellationToken);
    }
}
