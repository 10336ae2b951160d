using FunctionAgents.Core.Events;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Privacy;
using FunctionAgents.Core.Projections;

namespace FunctionAgents.Core.Runs;

/// <summary>
/// Appends events decided from the run's current state, re-reading and deciding again when another
/// writer got there first. Used for the events that come from outside the engine (approvals, cancel).
/// </summary>
public sealed class RunWriter
{
    private const int MaxAttempts = 8;
    private readonly IEventJournal _journal;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<IJournalProjection> _projections;

    public RunWriter(IEventJournal journal, TimeProvider clock, IEnumerable<IJournalProjection>? projections = null)
    {
        _journal = journal;
        _clock = clock;
        _projections = projections?.ToList() ?? [];
    }

    /// <summary>
    /// Loads the run, asks <paramref name="decide"/> for drafts (or null to write nothing), appends them.
    /// Returns the state the decision was made on and the state after the append.
    /// </summary>
    public async Task<(RunState Before, RunState After)> AppendAsync(
        string runId, Func<RunState, IReadOnlyList<EventDraft>?> decide, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            var state = await RunReader.LoadAsync(_journal, runId, cancellationToken);
            var drafts = decide(state);
            if (drafts is null || drafts.Count == 0)
            {
                return (state, state);
            }

            var sealedEvents = EventSealer.Seal(state.Identity, state.LastSeq + 1, state.LastHash, _clock.GetUtcNow(), drafts);

            // privacy hook (issue 15): encrypt personal-data fields; append Stored, fold and project Revealed.
            var batch = await PersonalData.ProtectAsync(_journal, sealedEvents, cancellationToken);
            var events = batch.Revealed;
            try
            {
                await _journal.AppendAsync(runId, state.LastSeq + 1, batch.Stored, cancellationToken);
                var after = events.Aggregate(state, RunEvolver.Evolve);
                foreach (var projection in _projections)
                {
                    await projection.ProjectAsync(events, after, cancellationToken);
                }

                return (state, after);
            }
            catch (JournalConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), _clock, cancellationToken);
            }
        }
    }
}
