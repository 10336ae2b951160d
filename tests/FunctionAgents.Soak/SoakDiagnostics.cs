using System.Globalization;
using System.Text;
using System.Text.Json;
using FunctionAgents.Testing.Crash;

namespace FunctionAgents.Soak;

/// <summary>
/// What survives a failed check: for a run found in an unexpected state, its journal (Seq, type, step and named reason of
/// every event, read straight from the journal table so it works when the host is gone) and the lines of the host's log
/// that mention it, printed and written under the suite's output directory before the scenario tears hosts and Azurite down.
/// Each host a scenario starts appends its whole output to a log file in the same directory (<see cref="HostLog"/>).
/// </summary>
internal sealed class SoakDiagnostics
{
    private const int MaxDumps = 25;
    private const int MaxPrintedLines = 40;
    private static readonly string[] PayloadFields = ["stepId", "tool", "reason", "code", "error", "decision", "status", "message", "detail"];
    private int _dumps;

    public SoakDiagnostics(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    /// <summary>The soak output directory (host logs and run dumps).</summary>
    public string Directory { get; }

    /// <summary>The output directory: <c>FA_SOAK_OUTPUT</c>, else artifacts/soak/&lt;UTC time&gt; under the repository.</summary>
    public static SoakDiagnostics FromEnvironment(string repositoryRoot) =>
        new(Environment.GetEnvironmentVariable("FA_SOAK_OUTPUT") is { Length: > 0 } configured
            ? configured
            : Path.Combine(repositoryRoot, "artifacts", "soak", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));

    /// <summary>The log file of the hosts a scenario starts under one storage prefix.</summary>
    public string HostLog(string prefix) => Path.Combine(Directory, $"host-{prefix}.log");

    /// <summary>
    /// Prints and writes <c>run-&lt;runId&gt;.txt</c>: why the run is suspect, its journal events and the host log lines
    /// that mention it. Never throws (a diagnostic must not hide the failure it explains); at most 25 dumps per suite run.
    /// </summary>
    public async Task DumpRunAsync(string scenario, string runId, string why, string journalTable, string connectionString, string? hostLog, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _dumps) > MaxDumps)
        {
            return;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{scenario}: run {runId}: {why}");
        try
        {
            var rows = await new JournalTable(connectionString, journalTable).ReadAsync(runId, cancellationToken);
            text.AppendLine(CultureInfo.InvariantCulture, $"journal ({journalTable}, {rows.Count} events):");
            foreach (var row in rows)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {row.Seq,4} {row.OccurredAt:HH:mm:ss.fff} {row.EventType}{Fields(row.Payload)}");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"journal: not readable ({ex.GetType().Name}: {ex.Message})");
        }

        var lines = hostLog is null ? [] : FunctionAgents.Testing.LocalHostProcess.LinesMentioning(hostLog, runId);
        text.AppendLine(CultureInfo.InvariantCulture, $"host log lines mentioning it ({lines.Count}{(hostLog is null ? ", no log file" : $", {hostLog}")}):");
        foreach (var line in lines)
        {
            text.AppendLine("  " + line);
        }

        var file = Path.Combine(Directory, $"run-{Safe(runId)}.txt");
        try
        {
            await File.WriteAllTextAsync(file, text.ToString(), cancellationToken);
        }
        catch (IOException ex)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"(not written to {file}: {ex.Message})");
        }

        var printed = text.ToString().Split('\n').Take(MaxPrintedLines);
        Console.Error.WriteLine("  " + string.Join("\n  ", printed).TrimEnd() + $"\n  (full dump: {file})");
    }

    /// <summary>The payload fields that explain an event (step, tool, named reason), short.</summary>
    private static string Fields(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return string.Empty;
            }

            var parts = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (PayloadFields.Contains(property.Name, StringComparer.OrdinalIgnoreCase) && property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    var value = property.Value.ToString();
                    parts.Add($"{property.Name}={(value.Length > 160 ? value[..160] + "..." : value)}");
                }
            }

            return parts.Count == 0 ? string.Empty : " " + string.Join(' ', parts);
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
