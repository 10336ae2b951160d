using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Runtime.Engine;

/// <summary>
/// What every activity of the run orchestrator does, in any host: re-read the journal, perform the requested step only
/// if it is still the decider's next step, append its events through the one <see cref="RunAppender"/>, and return
/// every event after the orchestrator's position. Retried activities and racing writers therefore never duplicate
/// events or side effects (tool calls carry dispatch ids).
/// </summary>
public sealed class StepRunner
{
    private readonly IEventJournal _journal;
    private readonly RunActivities _activities;
    private readonly RunAppender _appender;
    private readonly RunWriter _writer;

    /// <summary>
    /// A step runner over the process's one <paramref name="appender"/> (there is no constructor that builds its own: one
    /// would skip the personal-data protection the registered appender applies).
    /// </summary>
    public StepRunner(RunAppender appender, RunActivities activities)
    {
        ArgumentNullException.ThrowIfNull(appender);
        _journal = appender.Journal;
        _activities = activities;
        _appender = appender;
        _writer = new RunWriter(appender);
    }

    /// <summary>Every event after <paramref name="afterSeq"/> (an orchestrator's refresh after waiting).</summary>
    public async Task<StepResult> ReadAsync(string runId, long afterSeq, CancellationToken cancellationToken = default)
    {
        var events = new List<RunEvent>();
        await foreach (var e in _journal.ReadAsync(runId, afterSeq + 1, cancellationToken: cancellationToken))
        {
            events.Add(e);
        }

        return new StepResult(events, Performed: false);
    }

    public async Task<StepResult> PerformAsync(StepRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = await RunReader.LoadAsync(_journal, request.RunId, cancellationToken);
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
        RunTelemetry.RecordStep(step.Kind, tool, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new StepResult(outcome.Events, Performed: outcome.Status == AppendStatus.Appended);
    }

    /// <summary>Ends an unfinished run with RunFailed (engine_error) and <paramref name="reason"/>; returns its status after.</summary>
    public async Task<RunStatus> FailAsync(string runId, string reason, CancellationToken cancellationToken = default)
    {
        var (_, after) = await _writer.AppendAsync(
            runId,
            state => state.Status == RunStatus.NotStarted || state.IsFinished
                ? null
                : [new EventDraft(Actors.Orchestrator, new RunFailed(FailureCodes.EngineError, reason, Fallback.For(state, reason)), state.LastSeq)],
            cancellationToken);
        return after.Status;
    }
}
