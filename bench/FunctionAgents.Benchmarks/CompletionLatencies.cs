using System.Collections.Concurrent;
using System.Diagnostics;

namespace FunctionAgents.Benchmarks;

/// <summary>
/// Run-completion latency per orchestration instance: from the moment the benchmark starts (ours) or schedules (bare)
/// a run to its final non-replaying episode, recorded in process so measuring adds no storage request.
/// </summary>
internal static class CompletionLatencies
{
    private static readonly ConcurrentDictionary<string, long> s_started = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TimeSpan> s_latencies = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="instanceId"/> was started at <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static void Started(string instanceId, long timestamp) => s_started[instanceId] = timestamp;

    /// <summary>Records the instance's completion now (ignored for an instance not started through <see cref="Started"/>).</summary>
    public static void Completed(string instanceId)
    {
        if (s_started.TryGetValue(instanceId, out var started))
        {
            s_latencies.TryAdd(instanceId, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The 50th and 95th percentile completion latency of <paramref name="instanceIds"/> (those that completed).</summary>
    public static (TimeSpan P50, TimeSpan P95) Percentiles(IEnumerable<string> instanceIds)
    {
        var values = instanceIds.Select(id => s_latencies.TryGetValue(id, out var latency) ? latency : (TimeSpan?)null).OfType<TimeSpan>().Order().ToList();
        return values.Count == 0
            ? (TimeSpan.Zero, TimeSpan.Zero)
            : (values[(int)Math.Ceiling(values.Count * 0.50) - 1], values[(int)Math.Ceiling(values.Count * 0.95) - 1]);
    }
}
