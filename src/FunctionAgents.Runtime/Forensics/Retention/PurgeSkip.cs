namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>A run older than the cutoff that a purge leaves alone, and why (for example: not finished, or active since the cutoff).</summary>
public sealed record PurgeSkip(string RunId, string TenantId, string Reason);
