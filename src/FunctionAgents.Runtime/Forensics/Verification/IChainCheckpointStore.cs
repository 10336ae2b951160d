namespace FunctionAgents.Runtime.Forensics.Verification;

/// <summary>Where chain checkpoints are kept, apart from the journal. Implementations are also the projection that writes them.</summary>
public interface IChainCheckpointStore
{
    /// <summary>Records a checkpoint; recording the same one again changes nothing.</summary>
    Task WriteAsync(ChainCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The run's checkpoints in Seq order, streamed.</summary>
    IAsyncEnumerable<ChainCheckpoint> ReadAsync(string runId, CancellationToken cancellationToken = default);
}
