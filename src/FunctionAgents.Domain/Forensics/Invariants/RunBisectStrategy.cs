using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>How the runtime's <c>Bisect.FirstFailingRunAsync</c> searches a window of runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunBisectStrategy>))]
public enum RunBisectStrategy
{
    /// <summary>Check runs in creation order and stop at the first that fails: exact, reads runs up to that one.</summary>
    [JsonStringEnumMemberName("scan")]
    Scan,

    /// <summary>
    /// Binary search: reads O(log n) runs, and is exact when failures persist once they begin (a regression shipped at
    /// some point). With intermittent failures it finds a failing run that follows a passing one, not necessarily the first.
    /// </summary>
    [JsonStringEnumMemberName("binary")]
    Binary,
}
