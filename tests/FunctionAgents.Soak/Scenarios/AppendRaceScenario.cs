using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Issue 17 scenario 2: 16 writers append the same Seq of the same run at once, round after round.
/// Exactly one wins each round, the losers get <see cref="JournalConflictException"/>, and the chain has no gaps.
/// </summary>
internal sealed class AppendRaceScenario : IScenario
{
    private const int Writers = 16;

    public string Name => "append race";

    public async Task<ScenarioResult> RunAsync(SoakEnvironment environment, bool quick, CancellationToken cancellationToken)
    {
        var rounds = quick ? 100 : environment.Scaled(1_000);
        var journal = environment.CreateJournal();
        var run = SyntheticRun.Identity("race");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var failures = 0L;
        string? firstFailure = null;
        var previousHash = EventHasher.GenesisHash;
        for (var seq = 1L; seq <= rounds; seq++)
        {
            var candidates = Enumerable.Range(0, Writers)
                .Select(w => SyntheticRun.Events(run, seq, previousHash, 1, $"writer{w}"))
                .ToArray();
            var outcomes = await Task.WhenAll(candidates.Select(events => TryAppendAsync(journal, run.RunId, seq, events, cancellationToken)));
            var winners = outcomes.Count(o => o is null);
            var unexpected = outcomes.FirstOrDefault(o => o is not null and not JournalConflictException);
            if (winners != 1 || unexpected is not null)
            {
                failures++;
                firstFailure ??= $"Seq {seq}: {winners} winners{(unexpected is null ? string.Empty : $", {unexpected.GetType().Name}: {unexpected.Message}")}";
            }

            var stored = await journal.ReadAsync(run.RunId, seq, seq, cancellationToken).ToListAsync(cancellationToken);
            if (stored.Count != 1)
            {
                failures++;
                firstFailure ??= $"Seq {seq}: {stored.Count} stored events";
                break;
            }

            previousHash = stored[0].Hash;
        }

        var chain = await journal.VerifyChainAsync(run.RunId, cancellationToken);
        if (!chain.IsValid || chain.EventsChecked != rounds)
        {
            failures++;
            firstFailure ??= $"chain: {chain.EventsChecked} events checked, first bad Seq {chain.FirstBadSeq}: {chain.Problem}";
        }

        return new ScenarioResult(Name, rounds, failures, started.Elapsed,
            firstFailure ?? $"{rounds} rounds x {Writers} writers: 1 winner each, chain of {chain.EventsChecked} verifies");
    }

    private static async Task<Exception?> TryAppendAsync(
        IEventJournal journal, string runId, long seq, IReadOnlyList<RunEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await journal.AppendAsync(runId, seq, events, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex;
        }
    }
}
