using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Telemetry;

namespace FunctionAgents.Runtime.Journal;

/// <summary>
/// The one write path of a run: seal the drafts onto the chain, encrypt their personal data, append them at the expected Seq, fold, then feed
/// every projection (the run index first, then the audit log, chain checkpoints and whatever else is registered).
/// A 409 is read back: identical content means this write already happened (a retry), different content is a
/// conflict the caller decides about.
/// </summary>
public sealed class RunAppender
{
    private readonly IEventJournal _journal;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<IJournalProjection> _projections;

    /// <param name="index">The run index, fed as the first projection so every writer keeps its row current.</param>
    public RunAppender(IEventJournal journal, IRunIndex index, TimeProvider clock, IEnumerable<IJournalProjection>? projections = null)
    {
        _journal = journal;
        _clock = clock;
        _projections = [new RunIndexProjection(index), .. projections ?? []];
    }

    /// <summary>Appends <paramref name="drafts"/> decided on <paramref name="state"/> at its next Seq.</summary>
    public async Task<AppendOutcome> AppendAsync(RunState state, IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(drafts);
        var sealedEvents = EventSealer.Seal(state.Identity, state.LastSeq + 1, state.LastHash, _clock.GetUtcNow(), drafts, RunTelemetry.TraceParentFor(state.Identity));

        // Personal-data fields are encrypted before they reach storage (the chain hashes the ciphertext); the fold
        // and the projections see them revealed. Without a PersonalDataJournal both are the sealed events.
        var batch = await PersonalData.ProtectAsync(_journal, sealedEvents, cancellationToken);
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

    /// <summary>Feeds appended events to every projection (also used for a run's first event).</summary>
    public async Task ProjectAsync(IReadOnlyList<RunEvent> events, RunState after, CancellationToken cancellationToken = default)
    {
        foreach (var projection in _projections)
        {
            await projection.ProjectAsync(events, after, cancellationToken);
        }
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
