namespace FunctionAgents.Runtime.Forensics.Verification;

/// <summary>The result of verifying one run: its hash chain recomputed from storage and compared with its checkpoints.</summary>
/// <param name="EventsChecked">How many stored events were read (0 when the journal holds none).</param>
/// <param name="FirstBadSeq">The first Seq that cannot be trusted, or null when the run verifies.</param>
/// <param name="Problem">What is wrong there, in words.</param>
/// <param name="CheckpointsChecked">How many checkpoints were compared.</param>
/// <param name="UnanchoredEvents">Events after the last checkpoint (an append whose projection has not run yet, or an insertion).</param>
public sealed record RunVerification(string RunId, long EventsChecked, long? FirstBadSeq, string? Problem, int CheckpointsChecked, long UnanchoredEvents)
{
    public bool IsValid => FirstBadSeq is null;
}
