using System.Globalization;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Core.Evaluation;
using FunctionAgents.Core.Evaluation.Replay;
using FunctionAgents.Core.Evaluation.Reporting;
using FunctionAgents.Core.Evaluation.Scoring;
using FunctionAgents.Core.Events;
using FunctionAgents.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// Replay-and-score against plain reads of the same journaled runs (Table journal on a private Azurite), and the
/// evaluation's peak managed heap at a small and a ten times larger window: it must stay flat, since runs stream.
/// </summary>
internal sealed class ReplayBenchmark : IBenchmarkVerb
{
    public string Name => "replay";

    public string Description =>
        "Read vs read+replay+score of journaled runs, and evaluation peak heap at --small vs --runs runs. " +
        "Options: --runs 10000 --small 1000 --concurrency 4 --warmup 200";

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = arguments.Int("runs", 10_000);
        var small = Math.Min(arguments.Int("small", 1_000), runs);
        var concurrency = arguments.Int("concurrency", 4);
        var warmup = Math.Min(arguments.Int("warmup", 200), runs);

        await output.WriteLineAsync("Starting Azurite…");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var journal = new TableEventJournal(StorageClientFactory.FromConnectionString(azurite.ConnectionString).CreateTableClient(), "ReplayBenchEvents");
        await journal.CreateTableIfNotExistsAsync(cancellationToken);
        var corpus = await ReplayCorpus.CreateAsync(cancellationToken);

        await output.WriteLineAsync(Text($"replay: writing {runs:N0} runs to the journal ({Environment.ProcessorCount} cores)…"));
        await Measurement.RunAsync(runs, 8, (_, i) =>
        {
            var events = corpus.Run(i);
            return journal.AppendAsync(events[0].RunId, 1, events, cancellationToken);
        });

        var replayer = new RunReplayer(new ReplayConfiguration(corpus.Tools, corpus.Policy));
        var scorer = new RunScorer();
        var aggregator = new EvaluationAggregator();
        var divergent = 0;
        async Task ReadAsync(int i)
        {
            var events = new List<RunEvent>();
            await foreach (var e in journal.ReadAsync(ReplayCorpus.RunId(i), cancellationToken: cancellationToken))
            {
                events.Add(e);
            }
        }

        async Task ReplayAsync(int i)
        {
            var replay = await replayer.ReplayAsync(journal, ReplayCorpus.RunId(i), cancellationToken);
            var score = scorer.Score(replay);
            lock (aggregator)
            {
                aggregator.Add(score);
                divergent += score.Deterministic ? 0 : 1;
            }
        }

        await Measurement.RunAsync(warmup, concurrency, (_, i) => ReadAsync(i));
        await Measurement.RunAsync(warmup, concurrency, (_, i) => ReplayAsync(i));
        var read = await Measurement.RunAsync(runs, concurrency, (_, i) => ReadAsync(i));
        var replayed = await Measurement.RunAsync(runs, concurrency, (_, i) => ReplayAsync(i));
        var ratio = replayed / read;
        await output.WriteLineAsync(Text($"{"read runs",-34} {Measurement.PerSecond(runs, read),10:N0} runs/s ({read.TotalSeconds:0.00} s)"));
        await output.WriteLineAsync(Text($"{"read + replay + score runs",-34} {Measurement.PerSecond(runs, replayed),10:N0} runs/s ({replayed.TotalSeconds:0.00} s, {divergent} of {runs + warmup:N0} replays diverged)"));
        await output.WriteLineAsync(Text($"ratio replay / read time: {ratio:0.00} (target <= 1.50) {(ratio <= 1.5 ? "met" : "MISSED")}"));

        var smallPeak = await PeakHeapAsync(journal, replayer, small, cancellationToken);
        var largePeak = await PeakHeapAsync(journal, replayer, runs, cancellationToken);
        var growth = (double)largePeak / smallPeak - 1;
        await output.WriteLineAsync(Text($"evaluation peak managed heap: {small:N0} runs {smallPeak / 1048576d:0.0} MiB, {runs:N0} runs {largePeak / 1048576d:0.0} MiB"));
        await output.WriteLineAsync(Text($"growth {growth:+0.0%;-0.0%} (target within 20%) {(Math.Abs(growth) <= 0.2 ? "met" : "MISSED")}"));
        return divergent == 0 ? 0 : 1;
    }

    /// <summary>One nightly-style evaluation of the first <paramref name="count"/> runs, sampling the heap throughout.</summary>
    private static async Task<long> PeakHeapAsync(TableEventJournal journal, RunReplayer replayer, int count, CancellationToken cancellationToken)
    {
        var discard = new ReplayDiscardingStore();
        var service = new EvaluationService(
            new ReplayRunIndex(count, ReplayCorpus.Day), journal, replayer, discard, TimeProvider.System, NullLogger<EvaluationService>.Instance, discard);
        await using var sampler = new ReplayHeapSampler();
        var report = await service.EvaluateAsync(new EvaluationRequest(ReplayCorpus.Day, ReplayCorpus.Day, null, "bench"), cancellationToken: cancellationToken);
        if (report.RunsScored != count)
        {
            throw new InvalidOperationException($"The evaluation scored {report.RunsScored} runs, expected {count}.");
        }

        return sampler.Peak;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
