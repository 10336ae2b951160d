using System.Globalization;
using System.Text;

namespace FunctionAgents.Soak;

/// <summary>Prints the results as a Markdown table, ready to paste into the README's Reliability section.</summary>
internal static class ResultTable
{
    public static string Render(IEnumerable<ScenarioResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| Scenario | Result | Attempts | Failures | Time (s) | Detail |");
        text.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {(r.Passed ? "PASS" : "FAIL")} | {r.Attempts} | {r.Failures} | {r.Elapsed.TotalSeconds:F1} | {r.Detail.Replace('|', '/')} |");
        }

        return text.ToString();
    }
}
