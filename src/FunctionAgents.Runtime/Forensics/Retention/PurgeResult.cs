namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>What a purge did: the runs removed (as logged), the runs left alone, or the refusal.</summary>
public sealed record PurgeResult(RetentionDecision Decision, IReadOnlyList<RetentionLogEntry> Purged, IReadOnlyList<PurgeSkip> Skipped)
{
    public bool Refused => !Decision.Allowed;
}
