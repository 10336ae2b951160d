using System.Text.Json;

namespace FunctionAgents.Domain.Schema;

/// <summary>Number helpers shared by schema and plan validation: exact decimal arithmetic where it fits, double otherwise.</summary>
internal static class JsonNumber
{
    /// <summary>True when <paramref name="element"/> is a number with no fractional part (JSON Schema's <c>integer</c>: 3.0 counts).</summary>
    public static bool IsIntegral(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (element.TryGetDecimal(out var d))
        {
            return decimal.Truncate(d) == d;
        }

        return element.TryGetDouble(out var x) && double.IsFinite(x) && Math.Floor(x) == x;
    }

    /// <summary>Compares two JSON numbers; both must be of kind <see cref="JsonValueKind.Number"/>.</summary>
    public static int Compare(JsonElement left, JsonElement right)
    {
        if (left.TryGetDecimal(out var l) && right.TryGetDecimal(out var r))
        {
            return l.CompareTo(r);
        }

        return left.GetDouble().CompareTo(right.GetDouble());
    }

    /// <summary>Reads a non-negative integer such as a <c>minLength</c> value.</summary>
    public static bool TryGetCount(JsonElement element, out long count)
    {
        count = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out count) && count >= 0;
    }
}
