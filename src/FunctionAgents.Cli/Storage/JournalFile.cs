using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Cli.Storage;

/// <summary>
/// An exported journal: JSON Lines, one event envelope per line (the form of the events API and the golden journals),
/// runs in any order but each run's events in Seq order. Loaded into memory with a runs index built by folding.
/// </summary>
internal static class JournalFile
{
    public static async Task<RunSource> LoadAsync(CliContext context, string file, CancellationToken cancellationToken)
    {
        var path = context.ExistingFile(file, "journal file");
        var byRun = new Dictionary<string, List<RunEvent>>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            RunEvent e;
            try
            {
                e = EventSerializer.DeserializeEvent(text);
            }
            catch (JsonException ex)
            {
                throw CliException.Usage($"{file}:{line}: not an exported event: {ex.Message}", ex);
            }

            if (!byRun.TryGetValue(e.RunId, out var events))
            {
                events = [];
                byRun[e.RunId] = events;
            }

            events.Add(e);
        }

        var journal = new InMemoryEventJournal();

        // An export of an encrypted journal holds ciphertext; without keys its personal data reads as [encrypted].
        var readable = new PersonalDataJournal(journal, KeylessDataKeyStore.Instance);
        var summaries = new List<RunSummary>();
        foreach (var (runId, events) in byRun)
        {
            try
            {
                foreach (var chunk in events.Chunk(IEventJournal.MaxEventsPerAppend))
                {
                    await journal.AppendAsync(runId, chunk[0].Seq, chunk, cancellationToken);
                }
            }
            catch (ArgumentException ex)
            {
                throw CliException.Usage($"{file}: run {runId} is not a gapless journal from Seq 1: {ex.Message}", ex);
            }

            summaries.Add(RunSummary.From(await RunReader.LoadAsync(readable, runId, cancellationToken)));
        }

        return new RunSource(new FileRunIndex(summaries), readable, $"journal file {file}", null);
    }
}
