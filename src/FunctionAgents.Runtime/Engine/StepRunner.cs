using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Runtime.Engine;

/// <summary>
/// What every activity of the run orchestrator does, in any host: load the run, perform the requested step only
/// if it is still the decider's next step, append its events through the one <see cref="RunAppender"/>, and return
/// every event after the orchestrator's position. Retried activities and racing writers therefore never duplicate
/// events or side effects (tool calls carry dispatch ids). With a <see cref="RunStateCache"/> the run is loaded from
/// memory when the cached state ends at the orchestrator's Seq and hash, or by reading only the newer events when the
/// cached prefix is still the one it built on; the append stays conditional on the Seq, so a cache another process
/// made stale ends in the 409 read-back, never in a second or a wrong event.
/// </summary>
public sealed class StepRunner
{
    private readonly IEventJournal _journal;
    private readonly RunActivities _activities;
    private readonly RunAppender _appender;
    private readonly RunWriter _writer;
    private readonly RunStateCache? _cache;

    /// <summary>
    /// A step runner over the process's one <paramref name="appender"/> (there is no constructor that builds its own: one
    /// would skip the personal-data protection the registered appender applies).
    /// </summary>
    /// <param name="cache">Keeps each run's state between its steps (null: every step reads the whole journal).</param>
    public StepRunner(RunAppender appender, RunActivities activities, RunStateCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(appender);
        _journal = appender.Journal;
        _activities = activities;
        _appender = appender;
        _writer = new RunWriter(appender);
        _cache = cache;
    }

    /// <summary>Every event after <paramref name="afterSeq"/> (an orchestrator's first read, or its refresh after waiting).</summary>
    public async Task<StepResult> ReadAsync(string runId, long afterSeq, CancellationToken cancellationToken = default)
    {
        var events = new List<RunEvent>();
        await foreach (var e in _journal.ReadAsync(runId, afterSeq + 1, cancellationToken: cancellationToken))
        {
            events.Add(e);
        }

        // The orchestrator folds exactly these events, so the state they make is the one its next step will expect.
        if (_cache is not null)
        {
            if (afterSeq == 0)
            {
                _cache.Set(events.Aggregate(RunState.Empty, RunEvolver.Evolve));
            }
            else if (_cache.TryGet(runId, out var cached) && cached.LastSeq == afterSeq)
            {
                _cache.Set(events.Aggregate(cached, RunEvolver.Evolve));
            }
        }

        return new StepResult(events, Performed: false);
    }

    public async Task<StepResult> PerformAsync(StepRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = await LoadAsync(request, cancellationToken);
        if (state.LastSeq != request.ExpectedLastSeq)
        {
            // An earlier attempt of this activity (or another writer) already moved the run: hand back what it wrote.
            // A process that died between that append and its projections left them behind (the run's last signed
            // checkpoint, its index row), and no later append would catch up once the run has ended: feed them again.
            // Projections are upserts, so a batch they already saw changes nothing.
            var written = await ReadAsync(request.RunId, request.ExpectedLastSeq, cancellationToken);
            if (written.Events.Count > 0)
            {
                await _appender.ProjectAsync(written.Events, state, cancellationToken);
            }

            return written;
        }

        var step = RunDecider.Decide(state, request.DecidedAt);
        if (step.Kind != request.Kind || step is RunStep.Idle or RunStep.AwaitApproval)
        {
            return new StepResult([], Performed: false);
        }

        // One span per step, under the run's trace whichever Durable activity runs it; it seals and appends, so
        // the step's events name it.
        using var span = RunTelemetry.StartForRun(SpanNames.ForStep(step.Kind), state);
        var tool = step switch
        {
            RunStep.CheckPolicy s => state.FindStep(s.StepId)?.Tool,
            RunStep.ExecuteTool s => state.FindStep(s.StepId)?.Tool,
            _ => null,
        };
        span?.SetTag(TelemetryTags.Tool, tool);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var drafts = await _activities.PerformAsync(state, step, cancellationToken);
        var outcome = await _appender.AppendAsync(state, drafts, cancellationToken);
        if (outcome.Status == AppendStatus.Conflict && outcome.Events.Count > 0)
        {
            // Another writer moved the run first (a cached state another process made stale, or a racing command):
            // hand back its events, and feed the projections in case that writer died before it did.
            await _appender.ProjectAsync(outcome.Events, outcome.After, cancellationToken);
        }

        _cache?.Set(outcome.After);
        RunTelemetry.RecordStep(step.Kind, tool, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new StepResult(outcome.Events, Performed: outcome.Status == AppendStatus.Appended);
    }

    /// <summary>
    /// The run as the step sees it: the cached state when it ends at the orchestrator's Seq and hash; the cached state
    /// plus the events after it when they chain onto it and end where the orchestrator expects; else the whole journal.
    /// </summary>
    private async Task<RunState> LoadAsync(StepRequest request, CancellationToken cancellationToken)
    {
        if (_cache is null)
        {
            return await RunReader.LoadAsync(_journal, request.RunId, cancellationToken);
        }

        if (request.ExpectedLastHash is { } expectedHash && _cache.TryGet(request.RunId, out var cached) && cached.LastSeq <= request.ExpectedLastSeq)
        {
            if (cached.LastSeq == request.ExpectedLastSeq && string.Equals(cached.LastHash, expectedHash, StringComparison.Ordinal))
            {
                return cached;
            }

            var extended = cached;
            var chained = true;
            await foreach (var e in _journal.ReadAsync(request.RunId, cached.LastSeq + 1, cancellationToken: cancellationToken))
            {
                if (!string.Equals(e.PrevHash, extended.LastHash, StringComparison.Ordinal))
                {
                    chained = false;
                    break;
                }

                extended = RunEvolver.Evolve(extended, e);
            }

            if (chained && (extended.LastSeq > request.ExpectedLastSeq
                || (extended.LastSeq == request.ExpectedLastSeq && string.Equals(extended.LastHash, expectedHash, StringComparison.Ordinal))))
            {
                _cache.Set(extended);
                return extended;
            }
        }

        var state = await RunReader.LoadAsync(_journal, request.RunId, cancellationToken);
        _cache.Set(state);
        return state;
    }

    /// <summary>Ends an unfinished run with RunFailed (engine_error) and <paramref name="reason"/>; returns its status after.</summary>
    public async Task<RunStatus> FailAsync(string runId, string reason, CancellationToken cancellationToken = default)
    {
        _cache?.Remove(runId);
        var (_, after) = await _writer.AppendAsync(
            runId,
            state => state.Status == RunStatus.NotStarted || state.IsFinished
                ? null
                : [new EventDraft(Actors.Orchestrator, new RunFailed(FailureCodes.EngineError, reason, Fallback.For(state, reason)), state.LastSeq)],
            cancellationToken);
        return after.Status;
    }
}
