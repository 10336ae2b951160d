using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Forensics.Verification;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Testing.Stores;

/// <summary>A process-local checkpoint store and its projection: for tests and tools over exported journals.</summary>
public sealed class InMemoryChainCheckpoints : IChainCheckpointStore, IJournalProjection
{
    private readonly Dictionary<string, SortedDictionary<long, ChainCheckpoint>> _byRun = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task ProjectAsync(IReadOnlyList<RunEvent> appended, RunState after, CancellationToken cancellationToken = default) =>
        WriteAsync(ChainCheckpoint.ForAppend(appended), cancellationToken);

    public Task WriteAsync(ChainCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (_gate)
        {
            if (!_byRun.TryGetValue(checkpoint.RunId, out var run))
            {
                run = [];
                _byRun[checkpoint.RunId] = run;
            }

            run[checkpoint.Seq] = checkpoint;
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ChainCheckpoint> ReadAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChainCheckpoint[] snapshot;
        lock (_gate)
        {
            snapshot = _byRun.TryGetValue(runId, out var run) ? [.. run.Values] : [];
        }

        foreach (var checkpoint in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return checkpoint;
        }

        await Task.CompletedTask;
    }

    /// <summary>Forgets a run's checkpoints (what a purge does).</summary>
    public void Remove(string runId)
    {
        lock (_gate)
        {
            _byRun.Remove(runId);
        }
    }
}
