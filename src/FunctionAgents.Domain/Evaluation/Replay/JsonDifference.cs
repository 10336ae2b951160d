using System.Globalization;
using System.Text.Json;

namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>Finds the first path at which two JSON values differ, ignoring property order.</summary>
internal static class JsonDifference
{
    /// <param name="ignoreRootProperty">A top-level property left out of the comparison, or null.</param>
    public static string? First(JsonElement a, JsonElement b, string path, string? ignoreRootProperty = null)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return path;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name)
                    .Union(b.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal)
                    .Where(n => !string.Equals(n, ignoreRootProperty, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    var inA = a.TryGetProperty(name, out var va);
                    var inB = b.TryGetProperty(name, out var vb);
                    var child = $"{path}.{name}";
                    if (inA != inB)
                    {
                        return child;
                    }

                    if (First(va, vb, child) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var length = a.GetArrayLength();
                if (length != b.GetArrayLength())
                {
                    return path;
                }

                for (var i = 0; i < length; i++)
                {
                    if (First(a[i], b[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db) ? (da == db ? null : path)
                    : a.GetRawText() == b.GetRawText() ? null : path;
            case JsonValueKind.String:
                return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal) ? null : path;
            default:
                return null;
        }
    }
}
