using FunctionAgents.Core.Events;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Projections;
using FunctionAgents.Core.Telemetry;

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

            // A command's span joins the run's trace (the caller's request is linked), and its events name it.
            using var span = RunTelemetry.StartForRun(SpanNames.CommandPrefix + drafts[0].Payload.EventType, state);
            var events = EventSealer.Seal(state.Identity, state.LastSeq + 1, state.LastHash, _clock.GetUtcNow(), drafts);
            try
            {
                await _journal.AppendAsync(runId, state.LastSeq + 1, events, cancellationToken);
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
