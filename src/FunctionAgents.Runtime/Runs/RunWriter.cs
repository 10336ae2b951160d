using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Runtime.Runs;

/// <summary>
/// Appends events decided from the run's current state through the one <see cref="RunAppender"/>, re-reading and
/// deciding again when another writer got there first. Used for the events that come from outside the orchestrator
/// (approvals, cancel, a failed orchestration).
/// </summary>
public sealed class RunWriter
{
    private const int MaxAttempts = 8;
    private readonly IEventJournal _journal;
    private readonly TimeProvider _clock;
    private readonly RunAppender _appender;

    /// <summary>
    /// A writer over the process's one <paramref name="appender"/> (its journal and clock). There is no constructor that
    /// builds its own appender: one would skip the personal-data protection the registered appender applies.
    /// </summary>
    public RunWriter(RunAppender appender)
    {
        ArgumentNullException.ThrowIfNull(appender);
        _journal = appender.Journal;
        _clock = appender.Clock;
        _appender = appender;
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
            var outcome = await _appender.AppendAsync(state, drafts, cancellationToken);
            if (outcome.Status != AppendStatus.Conflict)
            {
                return (state, outcome.After);
            }

            if (attempt >= MaxAttempts)
            {
                throw new JournalConflictException($"run {runId} kept moving under {MaxAttempts} attempts to append");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), _clock, cancellationToken);
        }
    }
}
