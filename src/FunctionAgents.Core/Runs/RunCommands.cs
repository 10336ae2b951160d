using FunctionAgents.Core.Engine;
using FunctionAgents.Core.Events;
using FunctionAgents.Core.Events.Payloads;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Privacy;
using FunctionAgents.Core.Projections;
using FunctionAgents.Core.Telemetry;

namespace FunctionAgents.Core.Runs;

/// <summary>
/// What the HTTP API and the queue trigger do to runs: start, approve or reject a pending tool call,
/// cancel, and read (always scoped to the caller's tenant: another tenant's run is "not found").
/// </summary>
public sealed class RunCommands
{
    private readonly IEventJournal _journal;
    private readonly IRunIndex _index;
    private readonly IWorkQueue _queue;
    private readonly TimeProvider _clock;
    private readonly RunOptions _options;
    private readonly RunWriter _writer;
    private readonly IReadOnlyList<IJournalProjection> _projections;

    public RunCommands(
        IEventJournal journal,
        IRunIndex index,
        IWorkQueue queue,
        TimeProvider clock,
        RunOptions options,
        IEnumerable<IJournalProjection>? projections = null)
    {
        _projections = projections?.ToList() ?? [];
        _journal = journal;
        _index = index;
        _queue = queue;
        _clock = clock;
        _options = options;
        _writer = new RunWriter(journal, index, clock, _projections);
    }

    /// <summary>
    /// Starts a run, or returns the existing one for the same tenant and Idempotency-Key. Validate the request
    /// with <see cref="StartRunValidator"/> first; this throws <see cref="ArgumentException"/> for an invalid one.
    /// </summary>
    public async Task<StartRunResult> StartAsync(StartRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = StartRunValidator.Validate(request);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")), nameof(request));
        }

        var runId = request.IdempotencyKey is { } key ? RunIds.FromIdempotencyKey(request.TenantId, key) : RunIds.New();
        var now = _clock.GetUtcNow();
        // The run span is a child of the caller's traceparent (header or queue message); the run's traceparent is
        // the run span's, so every later step joins this one trace. With nothing listening it is the caller's.
        using var span = RunTelemetry.StartRun(runId, request.TenantId, request.CorrelationId, request.Source, request.TraceParent);
        var identity = new RunIdentity(
            runId, request.TenantId, request.CorrelationId ?? runId, span?.Id ?? request.TraceParent ?? RunIds.NewTraceParent());
        var started = new RunStarted(
            request.Goal.Trim(),
            request.MaxSteps ?? _options.DefaultMaxSteps,
            request.BudgetUsd ?? _options.DefaultBudgetUsd,
            now + _options.RunDeadline,
            request.Source,
            request.IdempotencyKey,
            request.Metadata);
        var sealedEvents = EventSealer.Seal(identity, 1, EventHasher.GenesisHash, now, [new EventDraft(Actors.Orchestrator, started, null)]);

        // privacy hook (issue 15): encrypt personal-data fields; append Stored, fold and project Revealed.
        var batch = await PersonalData.ProtectAsync(_journal, sealedEvents, cancellationToken);
        var events = batch.Revealed;

        // Index before journal: a crash in between leaves an index row the sweeper ignores, never a run it cannot find.
        await _index.TryAddAsync(RunSummary.From(RunEvolver.Fold(events)), cancellationToken);
        try
        {
            await _journal.AppendAsync(runId, 1, batch.Stored, cancellationToken);
        }
        catch (JournalConflictException)
        {
            return new StartRunResult(runId, Created: false);
        }

        foreach (var projection in _projections)
        {
            await projection.ProjectAsync(events, RunEvolver.Fold(events), cancellationToken);
        }

        await _queue.EnqueueAsync(runId, cancellationToken: cancellationToken);
        return new StartRunResult(runId, Created: true);
    }

    /// <summary>Records a human's decision on a step awaiting approval and wakes the run.</summary>
    public async Task<CommandResult> DecideApprovalAsync(
        string tenantId, string runId, string stepId, bool approve, string approver, string? comment, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(tenantId, runId, cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        string? refusal = null;
        var (before, after) = await _writer.AppendAsync(runId, state =>
        {
            var step = state.FindStep(stepId);
            if (step is null)
            {
                refusal = $"run {runId} has no step '{stepId}'";
                return null;
            }

            if (step.Phase != StepPhase.AwaitingApproval || state.IsFinished)
            {
                refusal = step.DecidedBy is "human" or "timeout"
                    ? $"step {stepId} was already decided ({step.DecidedBy}: {step.Phase.ToString().ToLowerInvariant()})"
                    : $"step {stepId} is not awaiting approval (it is {step.Phase.ToString().ToLowerInvariant()}, run {state.Status.ToString().ToLowerInvariant()})";
                return null;
            }

            EventPayload decision = approve ? new HumanApproved(stepId, approver, comment) : new HumanRejected(stepId, approver, comment);
            return [new EventDraft(Actors.Human, decision, step.Approval?.RequestedSeq ?? step.LastSeq)];
        }, cancellationToken);

        if (refusal is not null)
        {
            return new CommandResult(before.FindStep(stepId) is null ? CommandOutcome.NotFound : CommandOutcome.Conflict, refusal, before);
        }

        await _queue.EnqueueAsync(runId, cancellationToken: cancellationToken);
        return new CommandResult(CommandOutcome.Accepted, null, after);
    }

    /// <summary>Cancels a run that has not finished.</summary>
    public async Task<CommandResult> CancelAsync(string tenantId, string runId, string? reason, string by, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(tenantId, runId, cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        var (before, after) = await _writer.AppendAsync(
            runId,
            state => state.IsFinished ? null : [new EventDraft(Actors.Human, new RunCancelled(reason ?? "cancelled by request", by), state.LastSeq)],
            cancellationToken);
        if (before.IsFinished)
        {
            return new CommandResult(CommandOutcome.Conflict, $"run {runId} has already finished ({before.Status.ToString().ToLowerInvariant()})", before);
        }

        return new CommandResult(CommandOutcome.Accepted, null, after);
    }

    /// <summary>The run's current state, or null when it does not exist for this tenant.</summary>
    public async Task<RunState?> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(tenantId, runId, cancellationToken) is null)
        {
            return null;
        }

        var state = await RunReader.LoadAsync(_journal, runId, cancellationToken);
        return state.Status == RunStatus.NotStarted || state.TenantId != tenantId ? null : state;
    }

    /// <summary>
    /// The run's events in a Seq range as stored (personal data as ciphertext, so a client can recompute the hash
    /// chain), or null when it does not exist for this tenant.
    /// </summary>
    public async Task<IAsyncEnumerable<RunEvent>?> ReadEventsAsync(
        string tenantId, string runId, long fromSeq, long toSeq, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, runId, cancellationToken) is null ? null : PersonalData.AsStored(_journal).ReadAsync(runId, fromSeq, toSeq, cancellationToken);

    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) => _index.ListAsync(query, cancellationToken);

    private Task<RunSummary?> FindAsync(string tenantId, string runId, CancellationToken cancellationToken) =>
        _index.GetAsync(tenantId, runId, cancellationToken);
}
