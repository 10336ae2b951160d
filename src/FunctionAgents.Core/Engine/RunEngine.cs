using FunctionAgents.Core.Events;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Privacy;
using FunctionAgents.Core.Projections;
using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Engine;

/// <summary>
/// The journal engine: drives a run from its journal alone. Read, fold, decide, perform the step,
/// append its events at the expected Seq, repeat; stop when the run waits for a human or ends.
/// A crash anywhere leaves a journal from which the next call resumes; an append conflict means
/// another engine advanced the run, and this one stops.
/// </summary>
public sealed class RunEngine
{
    private readonly IEventJournal _journal;
    private readonly RunActivities _activities;
    private readonly IRunIndex _index;
    private readonly IWorkQueue _queue;
    private readonly TimeProvider _clock;
    private readonly IFaultInjector _faults;
    private readonly IReadOnlyList<IJournalProjection> _projections;

    public RunEngine(
        IEventJournal journal,
        RunActivities activities,
        IRunIndex index,
        IWorkQueue queue,
        TimeProvider clock,
        IFaultInjector? faults = null,
        IEnumerable<IJournalProjection>? projections = null)
    {
        _projections = projections?.ToList() ?? [];
        _journal = journal;
        _activities = activities;
        _index = index;
        _queue = queue;
        _clock = clock;
        _faults = faults ?? NoFaults.Instance;
    }

    /// <summary>The longest a queue message may stay invisible; later wake-ups are re-scheduled on arrival.</summary>
    public static readonly TimeSpan MaxWakeUpDelay = TimeSpan.FromDays(6);

    public async Task<AdvanceOutcome> AdvanceAsync(string runId, CancellationToken cancellationToken = default)
    {
        var state = await RunReader.LoadAsync(_journal, runId, cancellationToken);
        if (state.Status == RunStatus.NotStarted)
        {
            return AdvanceOutcome.NotFound;
        }

        var projected = state.Status;
        var indexed = false;
        while (true)
        {
            var step = RunDecider.Decide(state, _clock.GetUtcNow());
            if (step is RunStep.Idle or RunStep.AwaitApproval)
            {
                // A call that changed the status has indexed it already; one that did not refreshes the row (repair).
                if (!indexed)
                {
                    await _index.UpsertAsync(RunSummary.From(state), cancellationToken);
                }

                if (step is RunStep.AwaitApproval wait)
                {
                    await ScheduleWakeUpAsync(runId, wait.ExpiresAt, cancellationToken);
                    return AdvanceOutcome.AwaitingApproval;
                }

                return AdvanceOutcome.Finished;
            }

            var drafts = await _activities.PerformAsync(state, step, cancellationToken);
            _faults.At(FaultPoint.BeforeAppend, state, step);
            var sealedEvents = EventSealer.Seal(state.Identity, state.LastSeq + 1, state.LastHash, _clock.GetUtcNow(), drafts);

            // privacy hook (issue 15): encrypt personal-data fields; append Stored, fold and project Revealed.
            var batch = await PersonalData.ProtectAsync(_journal, sealedEvents, cancellationToken);
            var events = batch.Revealed;
            try
            {
                await _journal.AppendAsync(runId, state.LastSeq + 1, batch.Stored, cancellationToken);
            }
            catch (JournalConflictException)
            {
                return AdvanceOutcome.LostRace;
            }

            state = events.Aggregate(state, RunEvolver.Evolve);
            _faults.At(FaultPoint.AfterAppend, state, step);
            foreach (var projection in _projections)
            {
                await projection.ProjectAsync(events, state, cancellationToken);
            }

            if (state.Status != projected)
            {
                await _index.UpsertAsync(RunSummary.From(state), cancellationToken);
                projected = state.Status;
                indexed = true;
            }
        }
    }

    private Task ScheduleWakeUpAsync(string runId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var delay = at - _clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxWakeUpDelay ? MaxWakeUpDelay : delay;
        return _queue.EnqueueAsync(runId, delay, cancellationToken);
    }
}
