namespace FunctionAgents.Runtime.Memory;

/// <summary>Tenant memory: entries with a TTL. Expired entries are never returned and are purged on a schedule.</summary>
public interface IMemoryStore
{
    /// <summary>Stores (or replaces) the entry, unless <see cref="MemoryEntry.Refusal"/> names a reason.</summary>
    Task<MemoryWriteResult> WriteAsync(MemoryEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The tenant's entries that have not expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<MemoryEntry>> ListLiveAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes every entry expired at <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes the tenant's entries that came from <paramref name="runIds"/> (an erasure); returns how many.</summary>
    Task<int> DeleteFromRunsAsync(string tenantId, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken = default);
}

/// <summary>Whether a memory entry was stored, and if not, why.</summary>
public sealed record MemoryWriteResult(bool Stored, string? RefusedReason)
{
    public static MemoryWriteResult Ok { get; } = new(true, null);

    public static MemoryWriteResult Refused(string reason) => new(false, reason);
}

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
