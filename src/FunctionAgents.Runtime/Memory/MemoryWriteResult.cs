namespace FunctionAgents.Runtime.Memory;

/// <summary>Whether a memory entry was stored, and if not, why.</summary>
public sealed record MemoryWriteResult(bool Stored, string? RefusedReason)
{
    public static MemoryWriteResult Ok { get; } = new(true, null);

    public static MemoryWriteResult Refused(string reason) => new(false, reason);
}
