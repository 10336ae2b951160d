using System.Globalization;
using System.Text;

namespace FunctionAgents.Runtime.Forensics;

/// <summary>Plain-text renderings of timelines and causation chains for terminals (the CLI prints these).</summary>
public static class ForensicsText
{
    /// <summary>A header line, then two lines per event: Seq (and cause), time, elapsed, actor and title; then the summary.</summary>
    public static string Timeline(RunTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Run {timeline.RunId} (tenant {timeline.TenantId}, correlation {timeline.CorrelationId}): {timeline.Status.ToString().ToLowerInvariant()}, {timeline.Entries.Count} event(s)")
            .AppendLine();
        foreach (var entry in timeline.Entries)
        {
            AppendEntry(text, entry, "  ");
        }

        return text.ToString();
    }

    /// <summary>The chain from the event back to the input, two lines per link, and whether it reached the input.</summary>
    public static string Causation(string runId, CausationWalk walk)
    {
        ArgumentNullException.ThrowIfNull(walk);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Why event {walk.FromSeq} of run {runId} happened, from the event back to the run's input:")
            .AppendLine();
        for (var i = 0; i < walk.Chain.Count; i++)
        {
            AppendEntry(text, walk.Chain[i], i == 0 ? "  " : "  ← ");
        }

        text.AppendLine(walk.ReachesInput ? "  (reached the run's input)" : $"  (chain broken: {walk.Break})");
        return text.ToString();
    }

    private static void AppendEntry(StringBuilder text, TimelineEntry entry, string lead)
    {
        var cause = entry.CausationSeq is { } c ? $" ← {c}" : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"{lead}#{entry.Seq}{cause}  {entry.OccurredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}  +{(int)entry.Elapsed.TotalHours:00}:{entry.Elapsed:mm\\:ss}  {entry.Actor,-13}  {entry.Title}")
            .AppendLine()
            .Append(' ', lead.Length + 4)
            .AppendLine(entry.Summary);
    }
}
