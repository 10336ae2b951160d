using System.Text.Json.Nodes;

namespace FunctionAgents.Domain.Privacy;

/// <summary>
/// Applies a rewrite to every value a <see cref="PersonalDataFields"/> path names. Missing or null values are
/// left alone (an optional field that was not written holds nothing to protect).
/// </summary>
public static class JsonFieldPath
{
    /// <summary>
    /// Rewrites, in place, every non-null value <paramref name="path"/> reaches in <paramref name="root"/>; a <c>*</c>
    /// segment skips the properties named in <see cref="PersonalDataFields.ExemptNames"/>.
    /// </summary>
    public static void Rewrite(JsonNode root, string path, Func<JsonNode, JsonNode?> rewrite) =>
        Walk(root, Parse(path), 0, rewrite);

    private static void Walk(JsonNode node, IReadOnlyList<string> segments, int index, Func<JsonNode, JsonNode?> rewrite)
    {
        var segment = segments[index];
        var last = index == segments.Count - 1;
        switch (segment)
        {
            case "[*]" when node is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], child => array[i] = child, segments, index, last, rewrite);
                }

                break;
            case "*" when node is JsonObject any:
                foreach (var name in any.Select(p => p.Key).Where(n => !PersonalDataFields.ExemptNames.Contains(n)).ToList())
                {
                    Visit(any[name], child => any[name] = child, segments, index, last, rewrite);
                }

                break;
            default:
                if (node is JsonObject obj && obj.ContainsKey(segment))
                {
                    Visit(obj[segment], child => obj[segment] = child, segments, index, last, rewrite);
                }

                break;
        }
    }

    private static void Visit(
        JsonNode? child, Action<JsonNode?> replace, IReadOnlyList<string> segments, int index, bool last, Func<JsonNode, JsonNode?> rewrite)
    {
        if (child is null)
        {
            return;
        }

        if (last)
        {
            replace(rewrite(child));
        }
        else
        {
            Walk(child, segments, index + 1, rewrite);
        }
    }

    private static List<string> Parse(string path)
    {
        var segments = new List<string>();
        foreach (var part in path.Split('.'))
        {
            if (part.EndsWith("[*]", StringComparison.Ordinal))
            {
                segments.Add(part[..^3]);
                segments.Add("[*]");
            }
            else
            {
                segments.Add(part);
            }
        }

        return segments;
    }
}
