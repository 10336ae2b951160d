using System.Text.Json.Serialization;

namespace FunctionAgents.Runtime.Forensics.Retention;

/// <summary>What was purged of one run, when, by whom and why: a row of the retention log (kept after the run is gone).</summary>
/// <param name="LastEventAt">When the run's last event was recorded.</param>
/// <param name="EventsRemoved">Journal events deleted.</param>
/// <param name="RowsRemoved">Rows deleted from projections (index, audit, checkpoints).</param>
/// <param name="Cutoff">The purge's cutoff: everything purged was older.</param>
public sealed record RetentionLogEntry(
    string RunId,
    string TenantId,
    string CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastEventAt,
    long EventsRemoved,
    long RowsRemoved,
    string PurgedBy,
    DateTimeOffset PurgedAt,
    string Reason,
    DateTimeOffset Cutoff,
    PurgeStatus Status);

/// <summary>Where the purge of one run is: logged before anything is deleted, completed after.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurgeStatus>))]
public enum PurgeStatus
{
    [JsonStringEnumMemberName("started")]
    Started,

    [JsonStringEnumMemberName("completed")]
    Completed,
}
