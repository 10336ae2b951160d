namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>Where an invariant first fails in one run, and what finding it cost.</summary>
/// <param name="Events">How many events the run has.</param>
/// <param name="FirstFailingSeq">The first Seq after which the invariant fails, or null when it holds at the last version.</param>
/// <param name="Violation">The invariant's words at <paramref name="FirstFailingSeq"/>.</param>
/// <param name="Checks">How many times the invariant was evaluated (1 + ⌈log₂ n⌉ at most for a bisect).</param>
/// <param name="Evolves">How many times an event was folded into a state (at most 2n for a bisect).</param>
/// <param name="JournalReads">How many times the run was read from the journal.</param>
public sealed record BisectResult(
    string RunId, string Invariant, long Events, long? FirstFailingSeq, string? Violation, int Checks, int Evolves, int JournalReads)
{
    public bool Fails => FirstFailingSeq is not null;
}
