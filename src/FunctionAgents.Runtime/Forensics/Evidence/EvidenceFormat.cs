using System.Globalization;

namespace FunctionAgents.Runtime.Forensics.Evidence;

/// <summary>The evidence file's version and its one time format (the journal hash's: UTC, seven fractional digits).</summary>
public static class EvidenceFormat
{
    /// <summary>The <c>format</c> field of every evidence file this version writes.</summary>
    public const string Version = "fa-evidence-v1";

    /// <summary>A UTC time as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
