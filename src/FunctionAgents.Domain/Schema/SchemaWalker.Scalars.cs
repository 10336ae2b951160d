using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionAgents.Domain.Schema;

internal sealed partial class SchemaWalker
{
    private void CheckString(JsonElement schema, string value, string path)
    {
        var length = -1L;
        if (TryGetCountKeyword(schema, "minLength", path, out var minLength))
        {
            length = CodePoints(value);
            if (length < minLength)
            {
                Add(path, $"must be at least {minLength} characters long, got {length}");
            }
        }

        if (TryGetCountKeyword(schema, "maxLength", path, out var maxLength))
        {
            length = length < 0 ? CodePoints(value) : length;
            if (length > maxLength)
            {
                Add(path, $"must be at most {maxLength} characters long, got {length}");
            }
        }

        if (schema.TryGetProperty("pattern", out var patternElement))
        {
            CheckPattern(patternElement, value, path);
        }
    }

    private void CheckPattern(JsonElement patternElement, string value, string path)
    {
        if (patternElement.ValueKind != JsonValueKind.String)
        {
            Add(path, "invalid schema: 'pattern' must be a string");
            return;
        }

        var pattern = patternElement.GetString()!;
        var regex = SchemaPatternCache.Get(pattern);
        if (regex is null)
        {
            Add(path, $"invalid schema: pattern '{pattern}' is not a valid regular expression");
            return;
        }

        try
        {
            if (!regex.IsMatch(value))
            {
                Add(path, $"must match the pattern '{pattern}'");
            }
        }
        catch (RegexMatchTimeoutException)
        {
            Add(path, $"could not be checked against the pattern '{pattern}' in time; rejected");
        }
    }

    private void CheckNumber(JsonElement schema, JsonElement value, string path)
    {
        CheckBound(schema, "minimum", value, path, c => c >= 0, "greater than or equal to");
        CheckBound(schema, "maximum", value, path, c => c <= 0, "less than or equal to");
        CheckBound(schema, "exclusiveMinimum", value, path, c => c > 0, "greater than");
        CheckBound(schema, "exclusiveMaximum", value, path, c => c < 0, "less than");
    }

    private void CheckBound(JsonElement schema, string keyword, JsonElement value, string path, Func<int, bool> holds, string relation)
    {
        if (!schema.TryGetProperty(keyword, out var bound))
        {
            return;
        }

        if (bound.ValueKind != JsonValueKind.Number)
        {
            Add(path, $"invalid schema: '{keyword}' must be a number");
            return;
        }

        if (!holds(JsonNumber.Compare(value, bound)))
        {
            Add(path, $"must be {relation} {bound.GetRawText()}, got {value.GetRawText()}");
        }
    }

    private bool TryGetCountKeyword(JsonElement schema, string keyword, string path, out long count)
    {
        count = 0;
        if (!schema.TryGetProperty(keyword, out var element))
        {
            return false;
        }

        if (JsonNumber.TryGetCount(element, out count))
        {
            return true;
        }

        Add(path, $"invalid schema: '{keyword}' must be a non-negative integer");
        return false;
    }

    private static long CodePoints(string value)
    {
        long count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string Count(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
