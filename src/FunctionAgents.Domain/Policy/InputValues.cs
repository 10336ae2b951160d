using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionAgents.Domain.Policy;

/// <summary>How policy operands (YAML text) compare with JSON input values.</summary>
internal static class InputValues
{
    /// <summary>
    /// A string equals the text exactly (case-sensitive); a number equals text that parses to the same value
    /// (5 = 5.0); a boolean equals <c>true</c>/<c>false</c> in any case. Objects and arrays equal nothing.
    /// </summary>
    public static bool ScalarEquals(JsonElement value, string text) => value.ValueKind switch
    {
        JsonValueKind.String => string.Equals(value.GetString(), text, StringComparison.Ordinal),
        JsonValueKind.Number => TryParseNumber(text, out var number) && CompareNumber(value, number) == 0,
        JsonValueKind.True => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase),
        JsonValueKind.False => string.Equals(text, "false", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Substring of a string (ordinal), or an element of a list.</summary>
    public static bool Contains(JsonElement value, string text) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Contains(text, StringComparison.Ordinal),
        JsonValueKind.Array => value.EnumerateArray().Any(item => ScalarEquals(item, text)),
        _ => false,
    };

    /// <summary>The regex matches the value's text, or for a list any element's text.</summary>
    public static ConditionOutcome MatchesRegex(JsonElement value, Regex regex)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return MatchOne(value, regex);
        }

        var outcome = ConditionOutcome.False;
        foreach (var item in value.EnumerateArray())
        {
            var one = MatchOne(item, regex);
            if (one == ConditionOutcome.True)
            {
                return one;
            }

            if (one == ConditionOutcome.TimedOut)
            {
                outcome = one;
            }
        }

        return outcome;
    }

    /// <summary>Compares a JSON number with <paramref name="number"/>; null when the value is not a number.</summary>
    public static int? CompareNumber(JsonElement value, decimal number)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        return value.TryGetDecimal(out var d) ? d.CompareTo(number) : value.GetDouble().CompareTo((double)number);
    }

    public static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    private static ConditionOutcome MatchOne(JsonElement value, Regex regex)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            return ConditionOutcome.False;
        }

        try
        {
            return regex.IsMatch(text) ? ConditionOutcome.True : ConditionOutcome.False;
        }
        catch (RegexMatchTimeoutException)
        {
            return ConditionOutcome.TimedOut;
        }
    }
}
