namespace FunctionAgents.Cli.Output;

/// <summary>Writes rows as an aligned plain-text table or as a Markdown table.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, bool markdown = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        var all = rows.ToList();
        if (markdown)
        {
            output.WriteLine("| " + string.Join(" | ", headers.Select(Escape)) + " |");
            output.WriteLine("|" + string.Concat(headers.Select(_ => "---|")));
            foreach (var row in all)
            {
                output.WriteLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
            }

            return;
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        output.WriteLine(Line(headers, widths).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all)
        {
            output.WriteLine(Line(row, widths).TrimEnd());
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", widths.Select((w, i) => (i < cells.Count ? cells[i] : string.Empty).PadRight(w)));

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
