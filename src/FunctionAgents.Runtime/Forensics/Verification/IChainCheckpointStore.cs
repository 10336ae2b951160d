using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Forensics.Verification;

/// <summary>Where chain checkpoints are kept, apart from the journal. Implementations are also the projection that writes them.</summary>
public interface IChainCheckpointStore
{
    /// <summary>Records a checkpoint; recording the same one again changes nothing.</summary>
    Task WriteAsync(ChainCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The run's checkpoints in Seq order, streamed.</summary>
    IAsyncEnumerable<ChainCheckpoint> ReadAsync(string runId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Hash of the last event of one append, recorded outside the journal when the append was projected. The journal's
/// chain shows an event was changed only if the chain was not recomputed; a checkpoint also catches a recomputed chain,
/// events removed from the end and a run deleted whole. Signed (<see cref="KeyId"/>, <see cref="Signature"/>;
/// docs/forensics.md, "Signed checkpoints") it also catches someone who rewrote the checkpoints as well.
/// </summary>
/// <param name="KeyId">The signing key's id, or null for an unsigned checkpoint (written before signing existed).</param>
/// <param name="Signature">Base64 IEEE P1363 ECDSA P-256 signature over <c>CheckpointSignature.Message</c>, or null.</param>
public sealed record ChainCheckpoint(string RunId, string TenantId, long Seq, string Hash, DateTimeOffset OccurredAt, string? KeyId = null, string? Signature = null)
{
    /// <summary>The checkpoint of an appended batch: its last event.</summary>
    public static ChainCheckpoint ForAppend(IReadOnlyList<RunEvent> appended)
    {
        ArgumentNullException.ThrowIfNull(appended);
        if (appended.Count == 0)
        {
            throw new ArgumentException("An append has at least one event.", nameof(appended));
        }

        var last = appended[^1];
        return new ChainCheckpoint(last.RunId, last.TenantId, last.Seq, last.Hash, last.OccurredAt);
    }
}
