namespace FunctionAgents.Runtime.Forensics.Audit;

/// <summary>The audit projection's write side. Writing the same entries again must change nothing (projections are replayed after crashes).</summary>
public interface IAuditWriter
{
    Task WriteAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);
}
