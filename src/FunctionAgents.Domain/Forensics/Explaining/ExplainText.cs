using System.Globalization;
using System.Text.Json;
using System.Text;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Domain.Forensics.Explaining;

/// <summary>The small formatting rules every explanation shares: one line, money, short hashes, rule lists, tool inputs.</summary>
public static class ExplainText
{
    public const int SummaryLimit = 240;

    private const int QuoteLimit = 80;

    // The input fields a reader recognizes a call by, in the order they are worth mentioning.
    private static readonly (string Field, string Format)[] InputFields =
    [
        ("to", "to {0}"),
        ("subject", "about \"{0}\""),
        ("title", "titled \"{0}\""),
        ("priority", "(priority {0})"),
        ("query", "for \"{0}\""),
        ("q", "for \"{0}\""),
        ("sql", "running \"{0}\""),
    ];

    /// <summary>Collapses line breaks and runs of white space, trims, and cuts at <paramref name="limit"/> characters with an ellipsis.</summary>
    public static string OneLine(string? text, int limit = SummaryLimit)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, limit + 1));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (builder.Length > limit)
            {
                break;
            }
        }

        return builder.Length > limit ? builder.ToString(0, limit - 1) + "…" : builder.ToString();
    }

    public static string Quote(string? text) => OneLine(text, QuoteLimit);

    public static string Usd(decimal value) => "$" + value.ToString("0.00####", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A content hash shortened for reading ("3f2a…"); other version strings are kept whole.</summary>
    public static string ShortVersion(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return "none";
        }

        return version.Length >= 16 && version.All(char.IsAsciiHexDigit) ? version[..4] + "…" : version;
    }

    /// <summary>"rule a", "rules a, b" or "no rule matched".</summary>
    public static string Rules(IReadOnlyList<PolicyRuleMatch> rules) => rules.Count switch
    {
        0 => "no rule matched",
        1 => "rule " + rules[0].Name,
        _ => "rules " + string.Join(", ", rules.Select(r => r.Name)),
    };

    /// <summary>What identifies a tool call to a reader, from its input: "to a@x.example about "Refund"". Empty when nothing does.</summary>
    public static string Input(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        var parts = new List<string>(2);
        foreach (var (field, format) in InputFields)
        {
            if (parts.Count == 2)
            {
                break;
            }

            if (input.TryGetProperty(field, out var value) && Scalar(value) is { Length: > 0 } text)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, format, Quote(text)));
            }
        }

        if (parts.Count == 0)
        {
            foreach (var property in input.EnumerateObject())
            {
                if (Scalar(property.Value) is { Length: > 0 } text)
                {
                    parts.Add($"with {property.Name} \"{Quote(text)}\"");
                    break;
                }
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary><paramref name="tool"/> followed by its input description, e.g. "send_email to a@x.example".</summary>
    public static string Call(string tool, JsonElement input) =>
        Input(input) is { Length: > 0 } described ? $"{tool} {described}" : tool;

    /// <summary>"ToolRetried" → "Tool retried".</summary>
    public static string Humanize(string type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return "Unnamed event";
        }

        var builder = new StringBuilder(type.Length + 4);
        for (var i = 0; i < type.Length; i++)
        {
            var c = type[i];
            if (i > 0 && char.IsUpper(c))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(i == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return builder.ToString();
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
