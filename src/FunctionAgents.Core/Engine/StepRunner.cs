using FunctionAgents.Core.Events;
using FunctionAgents.Core.Journal;
using FunctionAgents.Core.Privacy;
using FunctionAgents.Core.Projections;
using FunctionAgents.Core.Runs;

namespace FunctionAgents.Core.Engine;

/// <summary>
/// One activity invocation for an orchestrating host (Durable Functions): re-reads the journal, performs the
/// requested step only if it is still the decider's next step, appends its events, and returns every event
/// after the orchestrator's position. Retried activities and racing writers therefore never duplicate events.
/// </summary>
public sealed class StepRunner
{
    private readonly IEventJournal _journal;
    private readonly RunActivities _activities;
    private readonly IRunIndex _index;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<IJournalProjection> _projections;

    public StepRunner(
        IEventJournal journal, RunActivities activities, IRunIndex index, TimeProvider clock, IEnumerable<IJournalProjection>? projections = null)
    {
        _journal = journal;
        _activities = activities;
        _index = index;
        _clock = clock;
        _projections = projections?.ToList() ?? [];
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
            return await ReadAsync(request.RunId, request.ExpectedLastSeq, cancellationToken);
        }

        var step = RunDecider.Decide(state, request.DecidedAt);
        if (step.Kind != request.Kind || step is RunStep.Idle or RunStep.AwaitApproval)
        {
            return new StepResult([], Performed: false);
        }

        var drafts = await _activities.PerformAsync(state, step, cancellationToken);
        var sealedEvents = EventSealer.Seal(state.Identity, state.LastSeq + 1, state.LastHash, _clock.GetUtcNow(), drafts);

        // privacy hook (issue 15): encrypt personal-data fields; append Stored, fold and project Revealed.
        var batch = await PersonalData.ProtectAsync(_journal, sealedEvents, cancellationToken);
        var events = batch.Revealed;
        try
        {
            await _journal.AppendAsync(request.RunId, state.LastSeq + 1, batch.Stored, cancellationToken);
        }
        catch (JournalConflictException)
        {
            return await ReadAsync(request.RunId, request.ExpectedLastSeq, cancellationToken);
        }

        var after = events.Aggregate(state, RunEvolver.Evolve);
        foreach (var projection in _projections)
        {
            await projection.ProjectAsync(events, after, cancellationToken);
        }

        if (after.Status != state.Status)
        {
            await _index.UpsertAsync(RunSummary.From(after), cancellationToken);
        }

        return new StepResult(events, Performed: true);
    }
}
