using System.Diagnostics;
using System.Globalization;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Scoring;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Evaluation.Sets;
using FunctionAgents.Runtime.Journal;
using Microsoft.Extensions.AI;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// Where the replay verb's time goes, in process and without storage: the corpus's runs in an in-memory journal, then
/// Stopwatch sections over the same runs for the read, the replay, the scorer, each deterministic evaluator alone and
/// all of them through <see cref="EvaluationSetRunner.ScoreAsync"/> (what the nightly job and the replay verb call).
/// Microseconds per run, best of <c>--repeat</c> passes, so a loaded machine shows its quietest figure.
/// </summary>
internal sealed class EvaluatorProfile : IBenchmarkVerb
{
    public string Name => "evaluators";

    public string Description =>
        "In process, no storage: per-run microseconds of read, replay, scorer, each deterministic evaluator and all of them (--runs N, --repeat R).";

    public IReadOnlyList<string> SmokeArguments => ["--runs", "20", "--repeat", "1"];

    public async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var runs = arguments.Int("runs", 2_000);
        var repeat = arguments.Int("repeat", 3);
        var corpus = await ReplayCorpus.CreateAsync(cancellationToken);
        var journal = new InMemoryEventJournal();
        for (var i = 0; i < runs; i++)
        {
            var run = corpus.Run(i);
            await journal.AppendAsync(run[0].RunId, 1, run, cancellationToken);
        }

        var replayer = new RunReplayer(new ReplayConfiguration(corpus.Tools, corpus.Policy));
        var scorer = new RunScorer();
        var evaluators = DeterministicEvaluators.All(["kestrelgoods.example"]);
        var replays = new ReplayResult[runs];
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        void Keep(string section, TimeSpan elapsed) =>
            best[section] = Math.Min(best.GetValueOrDefault(section, double.MaxValue), elapsed.TotalMicroseconds / runs);

        for (var pass = 0; pass < repeat; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < runs; i++)
            {
                await foreach (var e in journal.ReadAsync(ReplayCorpus.RunId(i), cancellationToken: cancellationToken))
                {
                    _ = e;
                }
            }

            Keep("read (in memory)", Stopwatch.GetElapsedTime(start));
            start = Stopwatch.GetTimestamp();
            for (var i = 0; i < runs; i++)
            {
                replays[i] = await replayer.ReplayAsync(journal, ReplayCorpus.RunId(i), cancellationToken);
            }

            Keep("read + replay", Stopwatch.GetElapsedTime(start));
            start = Stopwatch.GetTimestamp();
            foreach (var replay in replays)
            {
                _ = scorer.Score(replay);
            }

            Keep("scorer", Stopwatch.GetElapsedTime(start));
            foreach (var evaluator in evaluators)
            {
                start = Stopwatch.GetTimestamp();
                foreach (var replay in replays)
                {
                    await evaluator.EvaluateAsync([], new ChatResponse(), null, [new RunEvaluationContext(replay.RecordedState)], cancellationToken);
                }

                Keep($"  {evaluator.Name}", Stopwatch.GetElapsedTime(start));
            }

            start = Stopwatch.GetTimestamp();
            foreach (var replay in replays)
            {
                await EvaluationSetRunner.ScoreAsync(replay.RecordedState, null, evaluators, null, cancellationToken);
            }

            Keep("every deterministic evaluator (ScoreAsync)", Stopwatch.GetElapsedTime(start));
        }

        await output.WriteLineAsync(Text($"evaluators: {runs:N0} runs in memory, best of {repeat} pass(es), microseconds per run ({Environment.ProcessorCount} cores):"));
        foreach (var (section, micros) in best)
        {
            await output.WriteLineAsync(Text($"  {section,-44} {micros,10:N1} µs"));
        }

        return 0;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
