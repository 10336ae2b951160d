using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Runtime.Runs;

/// <summary>
/// What the HTTP API and the queue trigger do to runs: start, approve or reject a pending tool call,
/// cancel, and read (always scoped to the caller's tenant: another tenant's run is "not found").
/// </summary>
public sealed partial class RunCommands
{
    private readonly IEventJournal _journal;
    private readonly IRunIndex _index;
    private readonly IRunOrchestrations _orchestrations;
    private readonly TimeProvider _clock;
    private readonly RunOptions _options;
    private readonly RunAppender _appender;
    private readonly RunWriter _writer;

    /// <summary>
    /// Commands over the process's one <paramref name="appender"/>, which writes every event and index row (there is no
    /// constructor that builds its own: one would skip the personal-data protection the registered appender applies).
    /// </summary>
    /// <param name="index">The run index, for reads (listing and finding runs).</param>
    /// <param name="orchestrations">The host's Durable engine: a started run's orchestration is scheduled there, decisions are raised on it.</param>
    public RunCommands(RunAppender appender, IRunIndex index, IRunOrchestrations orchestrations, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(appender);
        _journal = appender.Journal;
        _index = index;
        _orchestrations = orchestrations;
        _clock = appender.Clock;
        _options = options;
        _appender = appender;
        _writer = new RunWriter(appender);
    }

    /// <summary>
    /// Starts a run, or returns the existing one for the same tenant and Idempotency-Key: RunStarted is appended
    /// first (the journal is the record), then the run's orchestration is scheduled with instance id = RunId.
    /// Validate the request with <see cref="StartRunValidator"/> first; this throws <see cref="ArgumentException"/>
    /// for an invalid one.
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
        EventDraft[] drafts = [new EventDraft(Actors.Orchestrator, started, null)];

        // Index before journal: a crash in between leaves an index row the sweeper ignores, never a run it cannot find.
        var preview = RunEvolver.Fold(EventSealer.Seal(identity, 1, EventHasher.GenesisHash, now, drafts, RunTelemetry.TraceParentFor(identity)));
        await _appender.IndexNewRunAsync(RunSummary.From(preview), cancellationToken);
        var blank = RunState.Empty with
        {
            RunId = identity.RunId, TenantId = identity.TenantId, CorrelationId = identity.CorrelationId, TraceParent = identity.TraceParent,
        };
        var outcome = await _appender.AppendAsync(blank, drafts, now, cancellationToken);

        // Scheduling dedupes on the instance id, so a retried start (after a crash between append and schedule)
        // repairs the missing orchestration instead of creating a second one.
        await _orchestrations.ScheduleAsync(runId, cancellationToken);
        return new StartRunResult(runId, Created: outcome.Status == AppendStatus.Appended);
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

    /// <summary>
    /// The run's events in a Seq range decrypted for the owning tenant (<c>[erased]</c> where a key was destroyed;
    /// PrevHash and Hash as stored), or null when it does not exist for this tenant.
    /// </summary>
    public async Task<IAsyncEnumerable<RunEvent>?> ReadRevealedEventsAsync(
        string tenantId, string runId, long fromSeq, long toSeq, CancellationToken cancellationToken = default) =>
        await FindAsync(tenantId, runId, cancellationToken) is null ? null : _journal.ReadAsync(runId, fromSeq, toSeq, cancellationToken);

    public Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default) => _index.ListAsync(query, cancellationToken);

    private Task<RunSummary?> FindAsync(string tenantId, string runId, CancellationToken cancellationToken) =>
        _index.GetAsync(tenantId, runId, cancellationToken);
}
