namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>The record of every purge, one entry per purged run. Never purged itself.</summary>
public interface IRetentionLog
{
    /// <summary>Writes or updates the run's entry (a purge logs <see cref="PurgeStatus.Started"/> first, then <see cref="PurgeStatus.Completed"/>).</summary>
    Task WriteAsync(RetentionLogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entries of one tenant, or of all tenants when null, streamed.</summary>
    IAsyncEnumerable<RetentionLogEntry> ReadAsync(string? tenantId = null, CancellationToken cancellationToken = default);
}
