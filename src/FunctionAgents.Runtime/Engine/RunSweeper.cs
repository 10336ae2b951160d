using FunctionAgents.Domain.Engine;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;

namespace FunctionAgents.Runtime.Engine;

/// <summary>
/// Repairs runs whose orchestration is missing or dead, for runs that have not moved for the configured time
/// (FA_SWEEP_AFTER): an unfinished run with RunStarted and no instance (a crash between the append and the
/// schedule) gets its orchestration; an unfinished run whose instance ended (failed, terminated, or completed
/// without finishing the run) ends with RunFailed and a named reason, never as a silently failed instance.
/// </summary>
public sealed class RunSweeper
{
    private readonly IRunIndex _index;
    private readonly IEventJournal _journal;
    private readonly IRunOrchestrations _orchestrations;
    private readonly RunWriter _writer;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _staleAfter;

    public RunSweeper(IRunIndex index, IEventJournal journal, IRunOrchestrations orchestrations, RunWriter writer, TimeProvider clock, TimeSpan staleAfter)
    {
        _index = index;
        _journal = journal;
        _orchestrations = orchestrations;
        _writer = writer;
        _clock = clock;
        _staleAfter = staleAfter;
    }

    /// <summary>One sweep; returns the ids of the runs it repaired (scheduled or failed).</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var repaired = new List<string>();
        await foreach (var summary in _index.ListStaleAsync(now - _staleAfter, cancellationToken))
        {
            var state = await RunReader.LoadAsync(_journal, summary.RunId, cancellationToken);
            if (state.Status == RunStatus.NotStarted || state.IsFinished)
            {
                if (state.IsFinished)
                {
                    await _index.UpsertAsync(RunSummary.From(state), cancellationToken);
                }

                continue;
            }

            if (state.UpdatedAt > now - _staleAfter)
            {
                continue;
            }

            var instance = await _orchestrations.GetStatusAsync(state.RunId, cancellationToken);
            if (instance == RunOrchestrationStatus.None)
            {
                await _orchestrations.ScheduleAsync(state.RunId, cancellationToken);
                repaired.Add(state.RunId);
            }
            else if (instance.HasEnded())
            {
                await FailAsync(state.RunId, instance, cancellationToken);
                repaired.Add(state.RunId);
            }
        }

        return repaired;
    }

    private async Task FailAsync(string runId, RunOrchestrationStatus instance, CancellationToken cancellationToken)
    {
        var reason = $"the run's orchestration ended ({instance.ToString().ToLowerInvariant()}) before the run finished";
        await _writer.AppendAsync(
            runId,
            state => state.Status == RunStatus.NotStarted || state.IsFinished
                ? null
                : [new EventDraft(Actors.Orchestrator, new RunFailed(FailureCodes.OrchestrationEnded, reason, Fallback.For(state, reason)), state.LastSeq)],
            cancellationToken);
    }
}
