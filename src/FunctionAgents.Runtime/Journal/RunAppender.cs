using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Runtime.Journal;

/// <summary>
/// The one writer of the journal and the run index (one per process: the hosts register it as a singleton). A run's
/// write path: seal the drafts onto the chain, protect their personal data (<see cref="IJournalProtector"/>), append
/// them at the expected Seq, fold, then feed every projection (the run index, the audit log, chain checkpoints and
/// whatever else is registered) at once: each writes its own table from the appended events alone, so none waits for
/// another's round trip. A 409 is read back: identical content means this write already
/// happened (a retry), different content is a conflict the caller decides about. Evaluation streams
/// (<see cref="AppendStreamAsync"/>) take the same path without the run projections.
/// </summary>
public sealed class RunAppender
{
    private readonly IEventJournal _journal;
    private readonly IRunIndex _index;
    private readonly TimeProvider _clock;
    private readonly IJournalProtector _protector;
    private readonly IReadOnlyList<IJournalProjection> _projections;
    private readonly RunIndexProjection _indexProjection;

    /// <param name="index">The run index, fed as the first projection so every writer keeps its row current.</param>
    /// <param name="protector">The personal-data step; <see cref="JournalProtection.None"/> when null (privacy off).</param>
    public RunAppender(
        IEventJournal journal,
        IRunIndex index,
        TimeProvider clock,
        IEnumerable<IJournalProjection>? projections = null,
        IJournalProtector? protector = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(clock);
        _journal = journal;
        _index = index;
        _clock = clock;
        _protector = protector ?? JournalProtection.None;
        _indexProjection = new RunIndexProjection(index);
        _projections = [_indexProjection, .. projections ?? []];
    }

    /// <summary>The journal this appender writes (reads go through it too, so they see what the fold saw).</summary>
    public IEventJournal Journal => _journal;

    /// <summary>The clock that stamps every appended event.</summary>
    public TimeProvider Clock => _clock;

    /// <summary>
    /// Lists a run about to start in the run index, before its RunStarted is appended: a crash in between leaves an
    /// index row the sweeper ignores, never a run nobody can find.
    /// </summary>
    /// <remarks>
    /// When <paramref name="summary"/> is the run's RunStarted folded at the time the append will carry, projecting that
    /// append finds the rows already current and writes nothing more.
    /// </remarks>
    public async Task IndexNewRunAsync(RunSummary summary, CancellationToken cancellationToken = default)
    {
        await _index.TryAddAsync(summary, cancellationToken);
        _indexProjection.Listed(summary);
    }

    /// <summary>Appends <paramref name="drafts"/> decided on <paramref name="state"/> at its next Seq.</summary>
    public Task<AppendOutcome> AppendAsync(RunState state, IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken = default) =>
        AppendAsync(state, drafts, null, cancellationToken);

    /// <summary>Appends <paramref name="drafts"/> decided on <paramref name="state"/> at its next Seq.</summary>
    /// <param name="occurredAt">The events' time (a start passes the time its index row was listed with); the clock's now when null.</param>
    public async Task<AppendOutcome> AppendAsync(
        RunState state, IReadOnlyList<EventDraft> drafts, DateTimeOffset? occurredAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(drafts);
        var sealedEvents = EventSealer.Seal(
            state.Identity, state.LastSeq + 1, state.LastHash, occurredAt ?? _clock.GetUtcNow(), drafts, RunTelemetry.TraceParentFor(state.Identity));

        // Personal-data fields are encrypted before they reach storage (the chain hashes the ciphertext); the fold
        // and the projections see them revealed. With privacy off both are the sealed events.
        var batch = await _protector.ProtectAsync(sealedEvents, cancellationToken);
        var events = batch.Revealed;
        try
        {
            await _journal.AppendAsync(state.RunId, state.LastSeq + 1, batch.Stored, cancellationToken);
        }
        catch (JournalConflictException)
        {
            return await ReadBackAsync(state, drafts, cancellationToken);
        }

        var after = events.Aggregate(state, RunEvolver.Evolve);
        await ProjectAsync(events, after, cancellationToken);
        return new AppendOutcome(AppendStatus.Appended, events, after);
    }

    /// <summary>
    /// Appends a batch of a stream that is not a run (an evaluation's own journal) at <paramref name="nextSeq"/>, chained
    /// to <paramref name="lastHash"/>, through the same protection and 409 read-back as a run. It feeds no projection:
    /// the run index, audit log and checkpoints describe runs, and an evaluation is listed by its own store.
    /// </summary>
    /// <returns>The events as the journal holds them (this batch, or the identical one an earlier attempt wrote).</returns>
    /// <exception cref="JournalConflictException">Another writer appended different content at <paramref name="nextSeq"/>.</exception>
    public async Task<IReadOnlyList<RunEvent>> AppendStreamAsync(
        RunIdentity stream, long nextSeq, string lastHash, IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(drafts);
        var sealedEvents = EventSealer.Seal(stream, nextSeq, lastHash, _clock.GetUtcNow(), drafts, RunTelemetry.TraceParentFor(stream));
        var batch = await _protector.ProtectAsync(sealedEvents, cancellationToken);
        try
        {
            await _journal.AppendAsync(stream.RunId, nextSeq, batch.Stored, cancellationToken);
            return batch.Stored;
        }
        catch (JournalConflictException)
        {
            var existing = new List<RunEvent>();
            await foreach (var e in _journal.ReadAsync(stream.RunId, nextSeq, nextSeq + drafts.Count - 1, cancellationToken))
            {
                existing.Add(e);
            }

            if (!SameContent(existing, drafts))
            {
                throw;
            }

            return existing;
        }
    }

    /// <summary>
    /// Feeds appended events to every projection (also used for a run's first event), concurrently: they are independent
    /// upserts of their own tables, so a step waits for the slowest write instead of their sum. The append has already
    /// succeeded; if any projection fails the call fails after all have finished, and the retry's read-back feeds them
    /// all again (upserts, so the ones that succeeded change nothing).
    /// </summary>
    public Task ProjectAsync(IReadOnlyList<RunEvent> events, RunState after, CancellationToken cancellationToken = default)
    {
        if (_projections.Count == 1)
        {
            return _projections[0].ProjectAsync(events, after, cancellationToken);
        }

        var writes = new Task[_projections.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = Project(_projections[i]);
        }

        return Task.WhenAll(writes);

        // A projection that throws before its first await fails its own task, never the loop that starts the others.
        async Task Project(IJournalProjection projection) => await projection.ProjectAsync(events, after, cancellationToken);
    }

    private async Task<AppendOutcome> ReadBackAsync(RunState state, IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken)
    {
        var existing = new List<RunEvent>();
        await foreach (var e in _journal.ReadAsync(state.RunId, state.LastSeq + 1, cancellationToken: cancellationToken))
        {
            existing.Add(e);
        }

        var after = existing.Aggregate(state, RunEvolver.Evolve);
        if (!SameContent(existing, drafts))
        {
            return new AppendOutcome(AppendStatus.Conflict, existing, after);
        }

        // The earlier attempt may have stopped before its projections: they are upserts, so feeding them again is safe.
        var mine = existing.Take(drafts.Count).ToList();
        await ProjectAsync(mine, mine.Aggregate(state, RunEvolver.Evolve), cancellationToken);
        return new AppendOutcome(AppendStatus.AlreadyDone, existing, after);
    }

    /// <summary>Same actor, type, causation and payload in order; time and hashes differ between attempts by design.</summary>
    private static bool SameContent(List<RunEvent> existing, IReadOnlyList<EventDraft> drafts) =>
        existing.Count >= drafts.Count
        && drafts.Select((d, i) => (d, e: existing[i])).All(p =>
            p.e.Actor == p.d.Actor
            && p.e.CausationSeq == p.d.CausationSeq
            && p.e.Type == p.d.Payload.EventType
            && p.e.Payload == EventSerializer.SerializePayload(p.d.Payload));
}

/// <summary>
/// The result of one append: its status, the events now in the journal after the writer's starting Seq (the ones
/// written, or the ones another writer wrote first), and the run folded over them.
/// </summary>
public sealed record AppendOutcome(AppendStatus Status, IReadOnlyList<RunEvent> Events, RunState After);

/// <summary>How a <see cref="RunAppender"/> append ended.</summary>
public enum AppendStatus
{
    /// <summary>The events were written at the expected Seq.</summary>
    Appended,

    /// <summary>The Seq was taken by identical events (a retry of this write): nothing new was written.</summary>
    AlreadyDone,

    /// <summary>The Seq was taken by different events: another writer moved the run.</summary>
    Conflict,
}
