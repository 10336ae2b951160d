namespace FunctionAgents.Runtime.Forensics.Verification;

/// <summary>The result of verifying many runs: how many, and each broken one with its first bad Seq.</summary>
public sealed record ChainAuditReport(int RunsChecked, long EventsChecked, IReadOnlyList<RunVerification> Broken)
{
    public bool AllValid => Broken.Count == 0;
}
