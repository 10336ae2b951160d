namespace FunctionAgents.Domain.Policy;

/// <summary>Spelling and operand shape of each <see cref="InputOperator"/>.</summary>
internal static class InputOperators
{
    /// <summary>Every operator by its spelling, longest first so the longest known suffix wins.</summary>
    public static IReadOnlyList<(string Text, InputOperator Operator)> BySuffix { get; } =
        new (string Text, InputOperator Operator)[]
        {
            ("equals", InputOperator.EqualTo),
            ("not_equals", InputOperator.NotEqualTo),
            ("in", InputOperator.In),
            ("not_in", InputOperator.NotIn),
            ("contains", InputOperator.Contains),
            ("matches_regex", InputOperator.MatchesRegex),
            ("domain_in", InputOperator.DomainIn),
            ("domain_not_in", InputOperator.DomainNotIn),
            ("gt", InputOperator.Gt),
            ("gte", InputOperator.Gte),
            ("lt", InputOperator.Lt),
            ("lte", InputOperator.Lte),
            ("exists", InputOperator.Exists),
            ("missing", InputOperator.Missing),
        }
        .OrderByDescending(o => o.Text.Length)
        .ToArray();

    public static string Names => string.Join(", ", BySuffix.Select(o => o.Text).Order(StringComparer.Ordinal));

    /// <summary>Operators that are true when the field is absent (fail closed for negations).</summary>
    public static bool TrueWhenMissing(InputOperator op) =>
        op is InputOperator.Missing or InputOperator.NotEqualTo or InputOperator.NotIn or InputOperator.DomainNotIn;

    /// <summary>
    /// Splits <c>&lt;field&gt;_&lt;operator&gt;</c> on the longest known operator suffix that leaves a non-empty field.
    /// </summary>
    public static bool TrySplit(string key, out string field, out string operatorText, out InputOperator op)
    {
        foreach (var (text, candidate) in BySuffix)
        {
            if (key.Length > text.Length + 1 && key.EndsWith("_" + text, StringComparison.Ordinal))
            {
                field = key[..^(text.Length + 1)];
                operatorText = text;
                op = candidate;
                return true;
            }
        }

        field = string.Empty;
        operatorText = string.Empty;
        op = default;
        return false;
    }
}

/// <summary>The operators of <c>input</c> matchers, written as the suffix of <c>&lt;field&gt;_&lt;operator&gt;</c>.</summary>
internal enum InputOperator
{
    EqualTo,
    NotEqualTo,
    In,
    NotIn,
    Contains,
    MatchesRegex,
    DomainIn,
    DomainNotIn,
    Gt,
    Gte,
    Lt,
    Lte,
    Exists,
    Missing,
}
