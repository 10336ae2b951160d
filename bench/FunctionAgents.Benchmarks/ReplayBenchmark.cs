using System.Diagnostics;
using System.Globalization;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using FunctionAgents.Runtime.Evaluation.Judging;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Evaluation.Sets;
using FunctionAgents.Runtime.Evaluation;
using Microsoft.Extensions.AI.Evaluation;
using FunctionAgents.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// Seeds a corpus of journaled runs with batched writes (one entity group transaction per run: the journal's partition
/// key is the run id), then compares replay-and-score with plain reads of the same journals (Table journal on a private
/// Azurite, passes interleaved and repeated), and the evaluation's peak managed heap and process working set at a small
/// and a larger window: both must stay flat, since runs stream.
/// </summary>
internal sealed class ReplayBenchmark : IBenchmarkVerb
{
    public string Name => "replay";

    public IReadOnlyList<string> SmokeArguments => ["--runs", "20", "--small", "10", "--writers", "2", "--concurrency", "2", "--warmup", "2", "--repeat", "1", "--shards", "2", "--judged", "5"];

    public string Description =>
        "Seed runs with one batch per run, then read vs read+replay+score (every deterministic evaluator on; interleaved passes), evaluation peak heap and working set at --small vs --runs runs, " +
        "and judged model calls per run on a first pass and a re-score of --judged runs (an in-process scripted judge). " +
        "Options: --runs 10000 --small 1000 --writers 8 --concurrency 4 --warmup 200 --repeat 2 --shards 10 (journal tables, by run id: Azurite slows as one table grows) --judged 100";

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = arguments.Int("runs", 10_000);
        var small = Math.Min(arguments.Int("small", 1_000), runs);
        var writers = arguments.Int("writers", 8);
        var concurrency = arguments.Int("concurrency", 4);
        var warmup = Math.Min(arguments.Int("warmup", 200), runs);
        var repeat = arguments.Int("repeat", 2);
        var shards = arguments.Int("shards", 10);
        var judged = Math.Min(arguments.Int("judged", 100), runs);

        await output.WriteLineAsync("Starting Azurite…");
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var tables = StorageClientFactory.FromConnectionString(azurite.ConnectionString).CreateTableClient();
        var journal = await ShardedJournal.CreateAsync(name => new TableEventJournal(tables, name), shards, cancellationToken);
        var corpus = await ReplayCorpus.CreateAsync(cancellationToken);

        await output.WriteLineAsync(Text($"replay: seeding {runs:N0} runs, one transaction per run, {writers} writers, {shards} journal tables ({Environment.ProcessorCount} cores)…"));
        var events = await SeedAsync(journal, corpus, runs, writers, output, cancellationToken);

        var replayer = new RunReplayer(new ReplayConfiguration(corpus.Tools, corpus.Policy));
        var scorer = new RunScorer();
        var aggregator = new EvaluationAggregator();
        var divergent = 0;
        var failingMetrics = 0;
        IReadOnlyList<IEvaluator> evaluators = DeterministicEvaluators.All(["kestrelgoods.example"]);
        async Task ReadAsync(int i)
        {
            var read = new List<RunEvent>();
            await foreach (var e in journal.ReadAsync(ReplayCorpus.RunId(i), cancellationToken: cancellationToken))
            {
                read.Add(e);
            }
        }

        async Task ReplayAsync(int i)
        {
            var replay = await replayer.ReplayAsync(journal, ReplayCorpus.RunId(i), cancellationToken);
            var score = scorer.Score(replay);
            var metrics = await EvaluationSetRunner.ScoreAsync(replay.RecordedState, null, evaluators, null, cancellationToken);
            lock (aggregator)
            {
                aggregator.Add(score);
                divergent += score.Deterministic ? 0 : 1;
                failingMetrics += metrics.Count(m => m.Failed);
            }
        }

        await Measurement.RunAsync(warmup, concurrency, (_, i) => ReadAsync(i));
        await Measurement.RunAsync(warmup, concurrency, (_, i) => ReplayAsync(i));
        var ratios = new List<double>();
        for (var pass = 1; pass <= repeat; pass++)
        {
            var read = await Measurement.RunAsync(runs, concurrency, (_, i) => ReadAsync(i));
            var replayed = await Measurement.RunAsync(runs, concurrency, (_, i) => ReplayAsync(i));
            ratios.Add(replayed / read);
            await output.WriteLineAsync(Text(
                $"[{pass}] read {Measurement.PerSecond(runs, read),6:N0} runs/s ({read.TotalSeconds:0.0} s); read + replay + score {Measurement.PerSecond(runs, replayed),6:N0} runs/s ({replayed.TotalSeconds:0.0} s); ratio {replayed / read:0.00} (target <= 1.10) {(replayed / read <= 1.1 ? "met" : "MISSED")}"));
        }

        await output.WriteLineAsync(Text($"{divergent} of {(runs * repeat) + warmup:N0} replays diverged; {evaluators.Count} deterministic evaluators per run, {failingMetrics:N0} failing metric(s)"));
        var (firstPass, rescore) = await JudgedCallsAsync(journal, replayer, judged, cancellationToken);
        await output.WriteLineAsync(Text(
            $"judged evaluators on {judged:N0} runs: {firstPass / (double)Math.Max(1, judged):0.00} model calls per run on the first pass, {rescore / (double)Math.Max(1, judged):0.00} on re-score (target 0) {(rescore == 0 ? "met" : "MISSED")}"));
        var smallPeak = await PeakAsync(journal, replayer, small, cancellationToken);
        var largePeak = await PeakAsync(journal, replayer, runs, cancellationToken);
        var heapGrowth = (double)largePeak.Heap / smallPeak.Heap - 1;
        var setGrowth = (double)largePeak.WorkingSet / smallPeak.WorkingSet - 1;
        await output.WriteLineAsync(Text(
            $"evaluation peak managed heap: {small:N0} runs {smallPeak.Heap / 1048576d:0.0} MiB ({smallPeak.Seconds:0.0} s), {runs:N0} runs {largePeak.Heap / 1048576d:0.0} MiB ({largePeak.Seconds:0.0} s): growth {heapGrowth:+0.0%;-0.0%} (target within 20%) {(Math.Abs(heapGrowth) <= 0.2 ? "met" : "MISSED")}"));
        await output.WriteLineAsync(Text(
            $"evaluation peak working set:  {small:N0} runs {smallPeak.WorkingSet / 1048576d:0.0} MiB, {runs:N0} runs {largePeak.WorkingSet / 1048576d:0.0} MiB: growth {setGrowth:+0.0%;-0.0%} (target within 20%) {(Math.Abs(setGrowth) <= 0.2 ? "met" : "MISSED")}"));
        await output.WriteLineAsync(Text($"summary: seeded {runs:N0} runs ({events:N0} events); ratios {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}"));
        return divergent == 0 ? 0 : 1;
    }

    /// <summary>Writes runs 0..count-1, one append (one transaction, at most 100 events) per run; prints the rate every tenth.</summary>
    private static async Task<long> SeedAsync(ShardedJournal journal, ReplayCorpus corpus, int count, int writers, TextWriter output, CancellationToken cancellationToken)
    {
        long events = 0;
        var written = 0;
        var step = Math.Max(1, count / 10);
        var start = Stopwatch.GetTimestamp();
        var lastMark = start;
        var progress = new Lock();
        var elapsed = await Measurement.RunAsync(count, writers, async (_, i) =>
        {
            var run = corpus.Run(i);
            await journal.AppendAsync(run[0].RunId, 1, run, cancellationToken);
            Interlocked.Add(ref events, run.Count);
            if (Interlocked.Increment(ref written) % step == 0)
            {
                lock (progress)
                {
                    var now = Stopwatch.GetTimestamp();
                    output.WriteLine(Text($"  {written,7:N0} runs, {Stopwatch.GetElapsedTime(start).TotalSeconds,6:0.0} s, last {step:N0} at {step / Stopwatch.GetElapsedTime(lastMark, now).TotalSeconds:N0} runs/s"));
                    lastMark = now;
                }
            }
        });
        await output.WriteLineAsync(Text(
            $"seeded {count:N0} runs ({events:N0} events, {count:N0} transactions) in {elapsed.TotalSeconds:0.0} s: {count / elapsed.TotalSeconds:N0} runs/s, {events / elapsed.TotalSeconds:N0} events/s"));
        return events;
    }

    /// <summary>One nightly-style evaluation (every deterministic evaluator on) of the first <paramref name="count"/> runs, sampling heap and working set throughout.</summary>
    private static async Task<(long Heap, long WorkingSet, double Seconds)> PeakAsync(ShardedJournal journal, RunReplayer replayer, int count, CancellationToken cancellationToken)
    {
        var discard = new ReplayDiscardingStore();
        var service = new EvaluationService(
            new ReplayRunIndex(count, ReplayCorpus.Day),
            journal,
            replayer,
            discard,
            TimeProvider.System,
            NullLogger<EvaluationService>.Instance,
            discard,
            evaluators: new NightlyEvaluators(DeterministicEvaluators.All(), [], null, 0));
        var start = Stopwatch.GetTimestamp();
        await using var sampler = new ReplayHeapSampler();
        var report = await service.EvaluateAsync(new EvaluationRequest(ReplayCorpus.Day, ReplayCorpus.Day, null, "bench"), cancellationToken: cancellationToken);
        if (report.RunsScored != count)
        {
            throw new InvalidOperationException($"The evaluation scored {report.RunsScored} runs, expected {count}.");
        }

        return (sampler.Peak, sampler.PeakWorkingSet, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Scores the first <paramref name="count"/> runs with the judged evaluators twice through one judgement cache: model calls on each pass.</summary>
    private static async Task<(int FirstPass, int Rescore)> JudgedCallsAsync(ShardedJournal journal, RunReplayer replayer, int count, CancellationToken cancellationToken)
    {
        var judge = new Judge();
        using var model = new ScriptedBenchJudge();
        var configuration = new ChatConfiguration(model);
        var evaluators = JudgedEvaluators.All(judge);
        async Task PassAsync()
        {
            for (var i = 0; i < count; i++)
            {
                var replay = await replayer.ReplayAsync(journal, ReplayCorpus.RunId(i), cancellationToken);
                await EvaluationSetRunner.ScoreAsync(replay.RecordedState, null, evaluators, configuration, cancellationToken);
            }
        }

        await PassAsync();
        var first = model.Calls;
        await PassAsync();
        return (first, model.Calls - first);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
