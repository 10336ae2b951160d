using Azure.Data.Tables;
using FunctionAgents.Testing;

namespace FunctionAgents.Soak.Tests;

/// <summary>
/// A suspect run's dump (issue 27): its journal read straight from the table (so it works once the host is gone) and the
/// host log lines that mention it, written under the output directory. Against a real Azurite.
/// </summary>
public sealed class SoakDiagnosticsTests
{
    [Fact]
    public async Task DumpRunAsync_RunWithEventsAndLogLines_WritesJournalReasonsAndTheHostLinesAboutIt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var azurite = await AzuriteProcess.StartAsync(timeout.Token);
        var table = new TableClient(azurite.ConnectionString, "diagAgentEvents");
        await table.CreateIfNotExistsAsync(timeout.Token);
        var at = new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero);
        await table.AddEntityAsync(Row("run-a", 1, "RunStarted", at, """{"goal":"g"}"""), timeout.Token);
        await table.AddEntityAsync(Row("run-a", 2, "RunFailed", at.AddSeconds(1), """{"code":"planner_failed","reason":"model timed out"}"""), timeout.Token);
        await table.AddEntityAsync(Row("run-b", 1, "RunStarted", at, """{"goal":"other"}"""), timeout.Token);

        var directory = Directory.CreateTempSubdirectory("fa-soak-diag-");
        try
        {
            var log = Path.Combine(directory.FullName, "host.log");
            await File.WriteAllLinesAsync(
                log,
                ["info: FunctionAgents.Runtime.Runs[1]", "      run run-a failed: planner_failed", "info: Other[2]", "      run run-b started"],
                timeout.Token);
            var diagnostics = new SoakDiagnostics(directory.FullName);

            await diagnostics.DumpRunAsync("injection", "run-a", "ended failed", "diagAgentEvents", azurite.ConnectionString, log, timeout.Token);

            var dump = await File.ReadAllTextAsync(Path.Combine(directory.FullName, "run-run-a.txt"), timeout.Token);
            Assert.Contains("injection: run run-a: ended failed", dump, StringComparison.Ordinal);
            Assert.Contains("2 events", dump, StringComparison.Ordinal);
            Assert.Contains("RunFailed", dump, StringComparison.Ordinal);
            Assert.Contains("code=planner_failed", dump, StringComparison.Ordinal);
            Assert.Contains("reason=model timed out", dump, StringComparison.Ordinal);
            Assert.Contains("info: FunctionAgents.Runtime.Runs[1] | run run-a failed: planner_failed", dump, StringComparison.Ordinal);
            Assert.DoesNotContain("run-b", dump, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static TableEntity Row(string runId, long seq, string type, DateTimeOffset at, string payload) =>
        new(runId, seq.ToString("D19", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["EventType"] = type,
            ["EventTime"] = at,
            ["Payload"] = payload,
        };
}
