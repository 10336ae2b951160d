using FunctionAgents.Domain.Events;

namespace FunctionAgents.Azure.Tests.Journal;

/// <summary>Sealed, hash-chained events for journal tests.</summary>
internal static class JournalTestEvents
{
    /// <summary>A time with all seven fractional digits set, so precision loss shows.</summary>
    public static readonly DateTimeOffset Time = new DateTimeOffset(2025, 6, 1, 12, 30, 45, TimeSpan.Zero).AddTicks(1_234_567);

    public static string NewRunId() => "run-" + Guid.NewGuid().ToString("N");

    /// <summary><paramref name="count"/> events of <paramref name="runId"/> from <paramref name="firstSeq"/>, chained to <paramref name="prevHash"/>.</summary>
    public static IReadOnlyList<RunEvent> Make(string runId, int count, long firstSeq = 1, string? prevHash = null, string? text = null, string variant = "a") =>
        EventSealer.Seal(
            new RunIdentity(runId, "tenant-ü", "corr-1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            firstSeq,
            prevHash ?? EventHasher.GenesisHash,
            Time,
            Enumerable.Range(0, count).Select(i => new EventDraft(
                Actors.Orchestrator,
                new ResponseDrafted(text ?? $"answer {variant} {firstSeq + i} — ünïcödé \"quoted\"", ["doc-1"], "offline"),
                i % 2 == 0 ? null : firstSeq + i - 1)));

    /// <summary>A whole run of <paramref name="count"/> events.</summary>
    public static IReadOnlyList<RunEvent> Run(string runId, int count) => Make(runId, count);
}
