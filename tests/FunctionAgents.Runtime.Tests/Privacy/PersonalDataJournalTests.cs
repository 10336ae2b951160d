using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Testing.Stores;

namespace FunctionAgents.Runtime.Tests.Privacy;

public sealed class PersonalDataJournalTests
{
    private readonly InMemoryEventJournal _stored = new();
    private readonly InMemoryDataKeyStore _keys = new();

    [Fact]
    public async Task ProtectAsync_CustomerRun_StoresNoPlaintextOfAnyPersonalField()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);

        // Act
        await AppendRunAsync(journal);

        // Assert
        await foreach (var e in _stored.ReadAsync("run-privacy"))
        {
            Assert.DoesNotContain(PrivacyTestRun.Email, e.Payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Anna Schmidt", e.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain("2345 6789", e.Payload, StringComparison.Ordinal);
        }

        var start = await FirstAsync(_stored);
        Assert.Contains("\"$enc\":1", start.Payload, StringComparison.Ordinal);
        Assert.Contains("\"maxSteps\":5", start.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ProtectedRun_RevealsPlaintextWithTheStoredHashes()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        await AppendRunAsync(journal);

        // Act
        var state = await RunReader.LoadAsync(journal, "run-privacy");
        var storedLast = await LastAsync(_stored);

        // Assert
        Assert.Equal($"Where is the order of {PrivacyTestRun.Email}?", state.Goal);
        Assert.Contains("Anna Schmidt", state.Response, StringComparison.Ordinal);
        Assert.Equal(storedLast.Hash, state.LastHash);
        Assert.True((await journal.VerifyChainAsync("run-privacy")).IsValid);
    }

    [Fact]
    public async Task EraseAsync_Subject_ReadsShowErasedAndTheChainStillVerifies()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        await AppendRunAsync(journal);
        var eraser = new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System);

        // Act
        var outcome = await eraser.EraseAsync("tenant-a", PrivacyTestRun.Email.ToUpperInvariant(), "admin:ops");
        var state = await RunReader.LoadAsync(journal, "run-privacy");

        // Assert
        Assert.Equal(ErasureStatus.Erased, outcome.Status);
        Assert.Equal(["run-privacy"], outcome.Record!.RunIds);
        Assert.Equal(PersonalData.ErasedText, state.Goal);
        Assert.Equal(PersonalData.ErasedText, state.Response);
        Assert.Equal(PersonalData.ErasedText, state.Plan!.Steps[0].Objective);
        var observation = (await ToListAsync(journal)).Single(e => e.Type == nameof(ObservationCaptured)).PayloadAs<ObservationCaptured>();
        Assert.Equal(PersonalData.ErasedText, observation.Observation.Output!.Value.GetString());
        Assert.True(observation.Observation.Success);
        Assert.True((await journal.VerifyChainAsync("run-privacy")).IsValid);
    }

    [Fact]
    public async Task ProtectAsync_SameBatchTwice_SameCiphertextSoARetriedAppendIsANoOp()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        var start = PrivacyTestRun.Start();

        // Act
        var first = await journal.ProtectAsync(start);
        await journal.AppendAsync("run-privacy", 1, first.Stored);
        var retried = await journal.ProtectAsync(start);
        await journal.AppendAsync("run-privacy", 1, retried.Stored);

        // Assert
        Assert.Equal(first.Stored[0].Hash, retried.Stored[0].Hash);
        Assert.Equal(first.Stored[0].Hash, first.Revealed[0].Hash);
        Assert.NotEqual(start[0].Hash, first.Stored[0].Hash);
    }

    [Fact]
    public async Task ProtectAsync_KeyStoreUnreachable_ThrowsANamedReasonAndNothingIsStored()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, new UnreachableKeyStore());

        // Act
        var error = await Assert.ThrowsAsync<KeyStoreUnavailableException>(() => journal.ProtectAsync(PrivacyTestRun.Start()));

        // Assert
        Assert.StartsWith(KeyStoreUnavailableException.ReasonCode, error.Message, StringComparison.Ordinal);
        Assert.Empty(await ToListAsync(_stored));
    }

    [Fact]
    public async Task ProtectAsync_SubjectErasedMidRunSeenByAnotherProcess_StoresErasedInsteadOfTheNewData()
    {
        // Arrange
        var start = await new PersonalDataJournal(_stored, _keys).ProtectAsync(PrivacyTestRun.Start());
        await _stored.AppendAsync("run-privacy", 1, start.Stored);
        await new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System).EraseAsync("tenant-a", PrivacyTestRun.Email, "admin:ops");

        // Act
        var rest = await new PersonalDataJournal(_stored, _keys).ProtectAsync(PrivacyTestRun.Rest(start.Stored[0]));

        // Assert
        Assert.All(rest.Stored, e => Assert.DoesNotContain(PrivacyTestRun.Email, e.Payload, StringComparison.Ordinal));
        Assert.Equal(PersonalData.ErasedText, rest.Revealed[^1].PayloadAs<ResponseFinalized>().Text);
    }

    [Fact]
    public async Task ProtectAsync_SubjectErasedMidRunWhileTheWriterCachedTheKey_NewDataIsUnreadable()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        var start = await journal.ProtectAsync(PrivacyTestRun.Start());
        await journal.AppendAsync("run-privacy", 1, start.Stored);
        await new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System).EraseAsync("tenant-a", PrivacyTestRun.Email, "admin:ops");

        // Act
        var rest = await journal.ProtectAsync(PrivacyTestRun.Rest(start.Stored[0]));
        await journal.AppendAsync("run-privacy", 2, rest.Stored);

        // Assert
        Assert.All(rest.Stored, e => Assert.DoesNotContain(PrivacyTestRun.Email, e.Payload, StringComparison.Ordinal));
        Assert.Equal(PersonalData.ErasedText, (await RunReader.LoadAsync(journal, "run-privacy")).Response);
    }

    [Fact]
    public async Task ProtectAsync_Metadata_EncryptsPersonalEntriesAndKeepsRouteAndMemoryReadable()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        var metadata = new Dictionary<string, string> { ["customer_email"] = PrivacyTestRun.Email, ["route"] = "refunds", ["memory"] = "run" };

        // Act
        var batch = await journal.ProtectAsync(PrivacyTestRun.Start(metadata: metadata));

        // Assert
        var stored = batch.Stored[0].Payload;
        Assert.DoesNotContain(PrivacyTestRun.Email, stored, StringComparison.Ordinal);
        Assert.Contains("\"route\":\"refunds\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"memory\":\"run\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CiphertextMovedToAnotherEvent_DoesNotDecrypt()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        var batch = await journal.ProtectAsync(PrivacyTestRun.Start());
        var moved = batch.Stored[0] with { RunId = "run-other", Seq = 1 };
        await _stored.AppendAsync("run-other", 1, [moved]);

        // Act + Assert: the associated data names run and Seq, so the ciphertext opens only where it was written.
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => ToListAsync(journal, "run-other"));
    }

    private static async Task AppendRunAsync(PersonalDataJournal journal)
    {
        var start = await journal.ProtectAsync(PrivacyTestRun.Start());
        await journal.AppendAsync("run-privacy", 1, start.Stored);
        var rest = await journal.ProtectAsync(PrivacyTestRun.Rest(start.Revealed[0]));
        await journal.AppendAsync("run-privacy", 2, rest.Stored);
    }

    private static async Task<Domain.Events.RunEvent> FirstAsync(IEventJournal journal) => (await ToListAsync(journal))[0];

    private static async Task<Domain.Events.RunEvent> LastAsync(IEventJournal journal) => (await ToListAsync(journal))[^1];

    private static async Task<List<Domain.Events.RunEvent>> ToListAsync(IEventJournal journal, string runId = "run-privacy")
    {
        var events = new List<Domain.Events.RunEvent>();
        await foreach (var e in journal.ReadAsync(runId))
        {
            events.Add(e);
        }

        return events;
    }

    private sealed class UnreachableKeyStore : IDataKeyStore
    {
        public Task<DataKeyLookup> GetOrCreateRunKeyAsync(
            string tenantId, string runId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
            throw new KeyStoreUnavailableException("the test store is down.");

        public Task<DataKeyLookup> FindAsync(string tenantId, string keyId, CancellationToken cancellationToken = default) =>
            throw new KeyStoreUnavailableException("the test store is down.");

        public Task LinkAsync(string tenantId, string runId, string keyId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default) =>
            throw new KeyStoreUnavailableException("the test store is down.");

        public Task<KeyDestruction?> DestroyAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
            throw new KeyStoreUnavailableException("the test store is down.");

        public Task<IReadOnlyList<string>?> FindRunsAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default) =>
            throw new KeyStoreUnavailableException("the test store is down.");
    }
}
