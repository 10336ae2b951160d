using FunctionAgents.Domain.Events;

namespace FunctionAgents.Runtime.Tests.Evaluation;

/// <summary>
/// The committed golden journals (Evaluation/Golden/*.jsonl, one exported event per line). Set FA_REGENERATE_GOLDEN=1
/// and run the GoldenJournalFiles tests to rewrite them from the scenarios; review the diff before committing.
/// </summary>
internal static class GoldenJournals
{
    public const string DivergentName = "divergent_policy_skipped";

    public static bool Regenerate => Environment.GetEnvironmentVariable("FA_REGENERATE_GOLDEN") == "1";

    public static List<RunEvent> Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Golden", name + ".jsonl");
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(EventSerializer.DeserializeEvent)];
    }

    public static void Save(string name, IEnumerable<RunEvent> events, [System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden", name + ".jsonl");
        File.WriteAllLines(path, events.Select(EventSerializer.SerializeEvent));
    }

    /// <summary>
    /// A history an older engine could have written: the first ToolApproved is missing (the tool ran without a policy
    /// decision). The current decider always asks the policy first, so a replay must diverge at that Seq.
    /// </summary>
    public static List<RunEvent> MakeDivergent(IReadOnlyList<RunEvent> completed)
    {
        var dropped = completed.First(e => e.Type == "ToolApproved").Seq;
        var drafts = completed.Skip(1).Where(e => e.Seq != dropped).Select(e => new EventDraft(
            e.Actor,
            e.ReadPayload(),
            e.CausationSeq is { } cause && cause >= dropped ? cause - 1 : e.CausationSeq));
        var first = completed[0];
        var identity = new RunIdentity(first.RunId, first.TenantId, first.CorrelationId, first.TraceParent);
        return [first, .. EventSealer.Seal(identity, 2, first.Hash, completed[1].OccurredAt, drafts)];
    }
}
