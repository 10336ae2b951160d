using System.Globalization;

namespace FunctionAgents.Soak.Scenarios;

/// <summary>
/// Where one crash-matrix kill's time goes, each figure from the moment of the kill: the old process gone, the new host
/// answering /api/health, every partition's lease acquired by it (from its log), and the first journal append of any run
/// of the wave after the restart, and of the run whose boundary was the kill's target (its next message was held by the
/// killed host, so it waits for redelivery). Null when that point was not seen within the measuring window. Cycle: from the
/// previous kill (or the wave's start) to this kill, which includes waiting for the chosen boundary. A figure is measured
/// in the background until the next kill, so the kills land as they would without it.
/// </summary>
internal sealed record KillTiming(TimeSpan Gone, TimeSpan Restarted, TimeSpan? PartitionsOwned, TimeSpan? FirstProgress, TimeSpan? KilledRunProgress, TimeSpan Cycle)
{
    /// <summary>One line of the per-kill breakdown, in seconds.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"kill -> gone {Gone.TotalSeconds:0.0} s -> host restarted {Restarted.TotalSeconds:0.0} s -> partitions owned {Seconds(PartitionsOwned)} -> first step progressed {Seconds(FirstProgress)}, the killed run {Seconds(KilledRunProgress)}; cycle {Cycle.TotalSeconds:0.0} s");

    /// <summary>The mean and the maximum of each phase over the kills, for the table's detail.</summary>
    public static string Summary(IReadOnlyList<KillTiming> kills)
    {
        if (kills.Count == 0)
        {
            return "no kills timed";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"per kill, mean/max s from the kill: restarted {Mean(kills.Select(k => (TimeSpan?)k.Restarted))}, partitions owned {Mean(kills.Select(k => k.PartitionsOwned))}, first step progressed {Mean(kills.Select(k => k.FirstProgress))}, the killed run progressed {Mean(kills.Select(k => k.KilledRunProgress))}; kill cycle (incl. waiting for the chosen boundary) {Mean(kills.Select(k => (TimeSpan?)k.Cycle))}");
    }

    private static string Mean(IEnumerable<TimeSpan?> values)
    {
        var seen = values.Where(v => v is not null).Select(v => v!.Value.TotalSeconds).ToList();
        return seen.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{seen.Average():0.0}/{seen.Max():0.0}");
    }

    private static string Seconds(TimeSpan? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.TotalSeconds:0.0} s") : "not seen";
}
