using FunctionAgents.Domain.Forensics.Invariants;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Forensics.Invariants;

public static partial class Bisect
{
    /// <summary>
    /// The first run of <paramref name="runIdsByCreation"/> (oldest first) whose final state breaks <paramref name="invariant"/>,
    /// with the Seq where it starts to inside that run (found on the events already read).
    /// </summary>
    public static async Task<RunBisectResult> FirstFailingRunAsync(
        IEventJournal journal,
        IReadOnlyList<string> runIdsByCreation,
        IRunInvariant invariant,
        RunBisectStrategy strategy = RunBisectStrategy.Scan,
        IProgress<RunCheck>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(runIdsByCreation);
        ArgumentNullException.ThrowIfNull(invariant);
        var total = runIdsByCreation.Count;
        var checkedRuns = 0;

        async Task<BisectResult?> FailureAtAsync(int index)
        {
            var runId = runIdsByCreation[index];
            var events = await ReadRunAsync(journal, runId, cancellationToken);
            var holds = invariant.Check(RunEvolver.Fold(events)).Holds;
            checkedRuns++;
            progress?.Report(new RunCheck(runId, index, total, holds));
            return holds ? null : FirstFailingSeq(runId, events, invariant) with { JournalReads = 1 };
        }

        RunBisectResult Found(BisectResult? failure) =>
            new(invariant.Name, strategy, total, checkedRuns, failure?.RunId, failure);

        if (strategy == RunBisectStrategy.Scan)
        {
            for (var i = 0; i < total; i++)
            {
                if (await FailureAtAsync(i) is { } failure)
                {
                    return Found(failure);
                }
            }

            return Found(null);
        }

        if (total == 0 || await FailureAtAsync(total - 1) is not { } latest)
        {
            return Found(null);
        }

        // Runs before `good` are taken to hold; the run at `bad` fails.
        var good = -1;
        var bad = total - 1;
        var first = latest;
        while (bad - good > 1)
        {
            var middle = good + ((bad - good) / 2);
            if (await FailureAtAsync(middle) is { } failure)
            {
                bad = middle;
                first = failure;
            }
            else
            {
                good = middle;
            }
        }

        return Found(first);
    }
}
