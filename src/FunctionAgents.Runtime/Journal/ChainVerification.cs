namespace FunctionAgents.Runtime.Journal;

/// <summary>The result of recomputing a run's hash chain.</summary>
/// <param name="FirstBadSeq">The first Seq at which the chain breaks, or null when it is intact.</param>
/// <param name="Problem">What is wrong there, in words.</param>
public sealed record ChainVerification(string RunId, long EventsChecked, long? FirstBadSeq, string? Problem)
{
    public bool IsValid => FirstBadSeq is null;
}
