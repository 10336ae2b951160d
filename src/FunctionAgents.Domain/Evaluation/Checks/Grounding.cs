using System.Globalization;
using System.Text.RegularExpressions;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Checks;

/// <summary>
/// Citation groundedness: every source the answer cites is among the run's observations (<c>step:&lt;id&gt;</c> is a
/// step whose tool succeeded; a document citation <c>&lt;folder&gt;/&lt;file&gt;#&lt;heading&gt;</c> is a passage a
/// successful search returned), and every number and date in the answer appears in an observation or in the goal (a
/// restated order number is not made up). Score: grounded items over all items; the reason names the first few that are not.
/// </summary>
internal static partial class Grounding
{
    public static CheckOutcome Check(RunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var answer = state.Response ?? string.Empty;

        // The observations' text, the evidence and its numbers are built once, and only when the answer needs them: the
        // nightly evaluator runs this on every run, and most of its cost was rendering and scanning observations.
        List<string>? observations = null;
        string? evidence = null;
        HashSet<string>? numbers = null;
        List<string> Observations() => observations ??= state.Steps
            .Where(s => s.Observation is { Success: true, Output: not null })
            .Select(s => s.Observation!.Output!.Value.GetRawText())
            .ToList();
        string Evidence() => evidence ??= string.Join("\n", Observations().Append(state.Goal));

        var ungrounded = new List<string>();
        var items = 0;
        foreach (var source in state.ResponseSources)
        {
            items++;
            if (!Cited(state, source, Observations))
            {
                ungrounded.Add($"source {source}");
            }
        }

        var dates = DatePattern().Matches(answer);
        foreach (Match m in dates)
        {
            items++;
            if (!Evidence().Contains(m.Value, StringComparison.Ordinal))
            {
                ungrounded.Add($"date {m.Value}");
            }
        }

        foreach (Match m in NumberPattern().Matches(dates.Count == 0 ? answer : DatePattern().Replace(answer, " ")))
        {
            items++;
            numbers ??= Numbers(Evidence());
            if (!numbers.Contains(Normalize(m.Value)))
            {
                ungrounded.Add($"number {m.Value}");
            }
        }

        if (items == 0)
        {
            return CheckOutcome.Pass("the answer cites nothing and states no number or date");
        }

        var score = (double)(items - ungrounded.Count) / items;
        return CheckOutcome.Of(
            score,
            ungrounded.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"all {items} cited sources, numbers and dates are in the run's observations")
                : $"not in any observation: {string.Join(", ", ungrounded.Take(5))}{(ungrounded.Count > 5 ? $" and {ungrounded.Count - 5} more" : string.Empty)}");
    }

    private static bool Cited(RunState state, string source, Func<List<string>> observationTexts)
    {
        if (source.StartsWith("step:", StringComparison.Ordinal))
        {
            return state.FindStep(source["step:".Length..]) is { Observation.Success: true };
        }

        var observations = observationTexts();

        var hash = source.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? source : source[..hash];
        var file = path[(path.LastIndexOf('/') + 1)..];
        var heading = hash < 0 ? string.Empty : source[(hash + 1)..];
        return observations.Exists(o => o.Contains(file, StringComparison.Ordinal) && o.Contains(heading, StringComparison.Ordinal));
    }

    private static HashSet<string> Numbers(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in NumberPattern().Matches(text))
        {
            set.Add(Normalize(m.Value));
        }

        return set;
    }

    // 1,042.50 and 1042.5 are the same number: compare canonical decimals.
    private static string Normalize(string number)
    {
        var plain = number.Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : plain;
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.])\d+(?:\.\d+)?(?![\w])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberPattern();
}
