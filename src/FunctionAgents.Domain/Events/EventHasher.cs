using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FunctionAgents.Domain.Events;

/// <summary>
/// The journal's hash chain. Hash = lowercase hex SHA-256 of the UTF-8 bytes of PrevHash, RunId,
/// Seq, EventType, EventTime, Actor, TenantId, CorrelationId, CausationSeq and Payload joined by "\n".
/// This format is a public contract (README, "Journal format"); auditors recompute it independently.
/// </summary>
public static class EventHasher
{
    /// <summary>PrevHash of the first event of every run.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>The EventTime text that enters the hash.</summary>
    public const string EventTimeFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";

    public static string Compute(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Compute(e.PrevHash, e.RunId, e.Seq, e.Type, e.OccurredAt, e.Actor, e.TenantId, e.CorrelationId, e.CausationSeq, e.Payload);
    }

    public static string Compute(
        string prevHash,
        string runId,
        long seq,
        string eventType,
        DateTimeOffset occurredAt,
        string actor,
        string tenantId,
        string correlationId,
        long? causationSeq,
        string payload)
    {
        var text = string.Join(
            '\n',
            prevHash,
            runId,
            seq.ToString(CultureInfo.InvariantCulture),
            eventType,
            FormatEventTime(occurredAt),
            actor,
            tenantId,
            correlationId,
            causationSeq?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            payload);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string FormatEventTime(DateTimeOffset occurredAt) =>
        occurredAt.UtcDateTime.ToString(EventTimeFormat, CultureInfo.InvariantCulture);
}
