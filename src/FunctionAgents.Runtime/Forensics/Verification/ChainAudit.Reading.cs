using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Journal;

namespace FunctionAgents.Runtime.Forensics.Verification;

public sealed partial class ChainAudit
{
    /// <summary>Everything the checks need from storage: the chain as the journal recomputed it, the checkpoints and the events.</summary>
    private async Task<RunRead> ReadRunAsync(string runId, long? indexedLastSeq, CancellationToken cancellationToken)
    {
        var chain = await _journal.VerifyChainAsync(runId, cancellationToken);
        var checkpoints = await ReadCheckpointsAsync(runId, cancellationToken);
        var events = chain.IsValid && chain.EventsChecked > 0 ? await ReadEventsAsync(runId, cancellationToken) : null;
        return new RunRead(runId, indexedLastSeq, chain, checkpoints, events);
    }

    private async Task<List<ChainCheckpoint>> ReadCheckpointsAsync(string runId, CancellationToken cancellationToken)
    {
        var checkpoints = new List<ChainCheckpoint>();
        if (_checkpoints is not null)
        {
            await foreach (var checkpoint in _checkpoints.ReadAsync(runId, cancellationToken))
            {
                checkpoints.Add(checkpoint);
            }
        }

        checkpoints.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return checkpoints;
    }

    private async Task<List<RunEvent>> ReadEventsAsync(string runId, CancellationToken cancellationToken)
    {
        var events = new List<RunEvent>();
        await foreach (var e in _journal.ReadAsync(runId, cancellationToken: cancellationToken))
        {
            events.Add(e);
        }

        return events;
    }

    private sealed record RunRead(string RunId, long? IndexedLastSeq, ChainVerification Chain, List<ChainCheckpoint> Checkpoints, List<RunEvent>? Events);
}
