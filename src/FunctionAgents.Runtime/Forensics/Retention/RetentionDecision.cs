namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>Whether a purge cutoff respects the retention floor.</summary>
/// <param name="LatestAllowedCutoff">The most recent cutoff the floor allows at the time of the check.</param>
/// <param name="Refusal">Why the purge is refused, in words; null when it is allowed.</param>
public sealed record RetentionDecision(bool Allowed, DateTimeOffset Cutoff, DateTimeOffset LatestAllowedCutoff, string? Refusal);
