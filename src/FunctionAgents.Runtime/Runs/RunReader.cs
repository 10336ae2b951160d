using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Runs;

/// <summary>Loads a run's state by folding its journal.</summary>
public static class RunReader
{
    public static async Task<RunState> LoadAsync(IEventJournal journal, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var state = RunState.Empty;
        await foreach (var e in journal.ReadAsync(runId, cancellationToken: cancellationToken))
        {
            state = RunEvolver.Evolve(state, e);
        }

        return state;
    }

    /// <summary>The state after event <paramref name="atSeq"/> (the run as it was at that version).</summary>
    public static async Task<RunState> LoadAtAsync(IEventJournal journal, string runId, long atSeq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var state = RunState.Empty;
        await foreach (var e in journal.ReadAsync(runId, 1, atSeq, cancellationToken))
        {
            state = RunEvolver.Evolve(state, e);
        }

        return state;
    }
}
