namespace FunctionAgents.Runtime.Memory;

/// <summary>Orders live entries by how many of the goal's words they share (newest first on a tie); drops entries that share none.</summary>
internal static class MemoryRanker
{
    private static readonly char[] Separators = [' ', '\n', '\t', ',', '.', ';', ':', '?', '!', '(', ')', '"', '\'', '/', '-'];

    public static IReadOnlyList<(MemoryEntry Entry, IReadOnlyList<string> Matched)> Rank(string goal, IEnumerable<MemoryEntry> entries, int max)
    {
        var words = Words(goal);
        return [.. entries
            .Select(e => (Entry: e, Matched: (IReadOnlyList<string>)[.. Words(e.Text).Where(words.Contains).Order(StringComparer.Ordinal)]))
            .Where(r => r.Matched.Count > 0)
            .OrderByDescending(r => r.Matched.Count)
            .ThenByDescending(r => r.Entry.CreatedAt)
            .ThenBy(r => r.Entry.EntryId, StringComparer.Ordinal)
            .Take(max)];
    }

    private static HashSet<string> Words(string text) =>
        new(text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4 && !w.StartsWith('[')), StringComparer.Ordinal);
}
