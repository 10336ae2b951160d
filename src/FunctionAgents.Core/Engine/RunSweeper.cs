using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Projections;
using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Engine;

/// <summary>
/// Re-enqueues runs that are not finished and have not moved for the configured time (FA_SWEEP_AFTER), so a crash
/// between "journal written" and "work queued" cannot strand a run. Runs waiting for a human are left alone
/// until their approval deadline has passed.
/// </summary>
public sealed class RunSweeper
{
    private readonly IRunIndex _index;
    private readonly IEventJournal _journal;
    private readonly IWorkQueue _queue;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _staleAfter;

    public RunSweeper(IRunIndex index, IEventJournal journal, IWorkQueue queue, TimeProvider clock, TimeSpan staleAfter)
    {
        _index = index;
        _journal = journal;
        _queue = queue;
        _clock = clock;
        _staleAfter = staleAfter;
    }

    /// <summary>One sweep; returns the ids of the runs it re-enqueued.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var requeued = new List<string>();
        await foreach (var summary in _index.ListStaleAsync(now - _staleAfter, cancellationToken))
        {
            var state = await RunReader.LoadAsync(_journal, summary.RunId, cancellationToken);
            if (state.Status == RunStatus.NotStarted || state.IsFinished)
            {
                if (state.IsFinished)
                {
                    await _index.UpsertAsync(RunSummary.From(state), cancellationToken);
                }

                continue;
            }

            var waitingForHuman = state.PendingApprovals.Any(a => a.ExpiresAt > now);
            if (waitingForHuman || state.UpdatedAt > now - _staleAfter)
            {
                continue;
            }

            await _queue.EnqueueAsync(state.RunId, cancellationToken: cancellationToken);
            requeued.Add(state.RunId);
        }

        return requeued;
    }
}
