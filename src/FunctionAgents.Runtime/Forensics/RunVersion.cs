using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Forensics;

/// <summary>A run as it was after event <see cref="RequestedSeq"/>: the fold of events 1..N.</summary>
/// <param name="State">The folded state; its LastSeq is below <paramref name="RequestedSeq"/> only when the run has fewer events.</param>
public sealed record RunVersion(long RequestedSeq, RunState State)
{
    /// <summary>True when the run has fewer than <see cref="RequestedSeq"/> events (State is then the latest version).</summary>
    public bool IsBeyondEnd => State.LastSeq < RequestedSeq;
}
