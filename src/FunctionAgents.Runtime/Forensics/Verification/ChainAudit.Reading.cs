using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Forensics.Verification;

public sealed partial class ChainAudit
{
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
}
