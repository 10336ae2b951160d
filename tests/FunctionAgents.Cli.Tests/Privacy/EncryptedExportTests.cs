using System.Text;
using FunctionAgents.Cli.Tests.Support;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;

namespace FunctionAgents.Cli.Tests.Privacy;

/// <summary>An exported journal with encrypted personal data: an auditor without keys verifies and explains it.</summary>
public sealed class EncryptedExportTests
{
    private const string Email = "anna.schmidt@example.de";

    [Fact]
    public async Task VerifyAndExplain_EncryptedExportWithoutKeys_ChainPassesAndFieldsReadEncrypted()
    {
        // Arrange
        using var temp = new TempFolder();
        var journal = temp.Write("export.jsonl", await ExportAsync("run-export"));

        // Act
        var verify = await Fa.RunAsync("verify", "--run", "run-export", "--journal-file", journal);
        var explain = await Fa.RunAsync("runs", "explain", "run-export", "--journal-file", journal);

        // Assert
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.True(explain.ExitCode == 0, explain.Error);
        Assert.Contains(PersonalData.EncryptedText, explain.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, explain.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> ExportAsync(string runId)
    {
        var stored = new InMemoryEventJournal();
        var journal = new PersonalDataJournal(stored, new InMemoryDataKeyStore());
        var identity = new RunIdentity(runId, "tenant-a", "corr", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var at = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var start = await journal.ProtectAsync(EventSealer.Seal(identity, 1, EventHasher.GenesisHash, at,
            [new EventDraft(Actors.Orchestrator, new RunStarted($"Refund for {Email}", 5, 1m, at.AddHours(1), "http", null, null), null)]));
        await journal.AppendAsync(runId, 1, start.Stored);
        var answer = await journal.ProtectAsync(EventSealer.Seal(identity, 2, start.Stored[0].Hash, at.AddSeconds(1),
            [new EventDraft(Actors.Orchestrator, new ResponseFinalized($"Refunded, {Email}"), 1)]));
        await journal.AppendAsync(runId, 2, answer.Stored);
        var text = new StringBuilder();
        await foreach (var e in stored.ReadAsync(runId))
        {
            text.AppendLine(EventSerializer.SerializeEvent(e));
        }

        return text.ToString();
    }
}
