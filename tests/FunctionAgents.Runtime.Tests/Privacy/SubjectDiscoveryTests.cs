using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Testing.Stores;

namespace FunctionAgents.Runtime.Tests.Privacy;

/// <summary>
/// A person found during a run (issue 25, C): a run started without naming anyone finds a customer with a tool; the
/// customer's email or customer id, given to an erasure, reaches the run.
/// </summary>
public sealed class SubjectDiscoveryTests
{
    private const string Goal = "What is the status of order 1042?";
    private readonly InMemoryEventJournal _stored = new();
    private readonly InMemoryDataKeyStore _keys = new();

    [Theory]
    [InlineData("Anna.Schmidt@Example.de")]
    [InlineData("1")]
    public async Task Erase_SubjectFoundByATool_ErasesTheRunThatFoundThem(string identifier)
    {
        // Arrange: the run's own subject is run:<id>; the customer appears only in the tool's output.
        var journal = new PersonalDataJournal(_stored, _keys);
        await AppendAsync(journal, "run-found");
        var eraser = new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System);

        // Act
        var outcome = await eraser.EraseAsync("tenant-a", identifier, "admin:ops");
        var events = await ReadAsync(journal, "run-found");

        // Assert
        Assert.Equal(ErasureStatus.Erased, outcome.Status);
        Assert.Equal(["run-found"], outcome.Record!.RunIds);
        var observation = events.Single(e => e.Type == nameof(ObservationCaptured)).PayloadAs<ObservationCaptured>();
        Assert.Equal(PersonalData.ErasedText, observation.Observation.Output!.Value.GetString());
        Assert.DoesNotContain(events, e => e.Payload.Contains(PrivacyTestRun.Email, StringComparison.OrdinalIgnoreCase));
        Assert.True((await journal.VerifyChainAsync("run-found")).IsValid);
    }

    [Fact]
    public async Task Erase_SubjectNeverFound_IsUnknownAndTheRunStaysReadable()
    {
        // Arrange
        var journal = new PersonalDataJournal(_stored, _keys);
        await AppendAsync(journal, "run-found");
        var eraser = new SubjectEraser(_keys, new InMemoryErasureLog(), TimeProvider.System);

        // Act
        var outcome = await eraser.EraseAsync("tenant-a", "someone.else@example.com", "admin:ops");
        var events = await ReadAsync(journal, "run-found");

        // Assert
        Assert.Equal(ErasureStatus.NotFound, outcome.Status);
        Assert.Contains(events, e => e.Payload.Contains(PrivacyTestRun.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Discover_EmailsAndCustomerIds_Normalized()
    {
        // Act
        var found = SubjectIds.Discover("""{"rows":[{"customer_id":17,"email":"Anna.Schmidt@Example.de"}],"to":"b@x.example","customerId":"C-9"}""");

        // Assert
        Assert.Equal(["17", "anna.schmidt@example.de", "b@x.example", "c-9"], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Discover_EmailQuotedInAnSqlString_FindsTheAddressNotItsJsonEscape()
    {
        // Act: System.Text.Json writes a quote inside a string as \u0027
        var found = SubjectIds.Discover("""{"sql":"SELECT * FROM customers WHERE email = \u0027Anna.Schmidt@Example.de\u0027"}""");

        // Assert
        Assert.Equal(["anna.schmidt@example.de"], found);
    }

    private static async Task AppendAsync(PersonalDataJournal journal, string runId)
    {
        var start = PrivacyTestRun.Start(runId, Goal);
        var first = (await journal.ProtectAsync(start)).Stored;
        await journal.AppendAsync(runId, 1, first);
        var observation = new ToolObservation(true, PrivacyTestRun.Json($$"""{"rows":[{"customer_id":1,"name":"Anna Schmidt","email":"{{PrivacyTestRun.Email}}"}]}"""), null, 3, false);
        var input = PrivacyTestRun.Json("""{"sql":"SELECT * FROM orders WHERE order_id = 1042"}""");
        var rest = EventSealer.Seal(PrivacyTestRun.Identity(runId), 2, first[^1].Hash, PrivacyTestRun.Time.AddSeconds(1),
        [
            new EventDraft(Actors.ToolExecutor, new ToolExecuted("s1", "query_sql", runId + ":2", input), 1),
            new EventDraft(Actors.ToolExecutor, new ObservationCaptured("s1", "query_sql", runId + ":2", observation), 2),
        ]);
        await journal.AppendAsync(runId, 2, (await journal.ProtectAsync(rest)).Stored);
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
}
