using System.Globalization;
using System.Text;

namespace FunctionAgents.Azure.Forensics;

/// <summary>
/// Keys of the audit table. PartitionKey = <c>&lt;tenant&gt;|c|&lt;correlationId&gt;</c> or <c>&lt;tenant&gt;|d|&lt;yyyyMMdd&gt;</c>;
/// RowKey = <c>&lt;ticks:D19&gt;|&lt;runId&gt;|&lt;seq:D10&gt;</c>, so a partition reads in time order. Every component is
/// escaped ('%' and '|' and the characters tables forbid are percent-encoded), so the tenant always ends at the first
/// '|' and no tenant's partition can be spelled from another tenant's values.
/// </summary>
internal static class AuditKeys
{
    public static string ByCorrelation(string tenantId, string correlationId) => $"{Escape(tenantId)}|c|{Escape(correlationId)}";

    public static string ByDay(string tenantId, DateOnly day) => $"{Escape(tenantId)}|d|{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public static string RowKey(DateTimeOffset occurredAt, string runId, long seq) =>
        string.Create(CultureInfo.InvariantCulture, $"{TimePrefix(occurredAt)}|{Escape(runId)}|{seq:D10}");

    /// <summary>The RowKey prefix of a time: every row at or after it sorts at or after this text.</summary>
    public static string TimePrefix(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '|' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
