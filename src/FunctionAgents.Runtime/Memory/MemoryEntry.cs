namespace FunctionAgents.Runtime.Memory;

/// <summary>One fact a finished run kept for its tenant, already redacted, with where it came from and when it expires.</summary>
/// <param name="EntryId">Derived from the source (run and Seq), so writing the same fact again replaces it.</param>
/// <param name="Kind"><c>resolved_question</c> or <c>ticket</c>.</param>
/// <param name="SourceSeq">The Seq of the journal event the fact comes from.</param>
public sealed record MemoryEntry(
    string TenantId,
    string EntryId,
    string Kind,
    string Text,
    string SourceRunId,
    long SourceSeq,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Why this entry cannot be stored (over the size cap, no source), or null when it can.</summary>
    public string? Refusal(int maxChars) =>
        Text.Length > maxChars ? $"the entry is {Text.Length} characters; the cap is {maxChars}"
        : string.IsNullOrEmpty(SourceRunId) || SourceSeq < 1 ? "every entry names its source run and Seq"
        : ExpiresAt <= CreatedAt ? "the entry expires before it is created"
        : null;
}
