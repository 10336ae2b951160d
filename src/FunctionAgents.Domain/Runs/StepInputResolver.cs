using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using FunctionAgents.Domain.Planning;

namespace FunctionAgents.Domain.Runs;

/// <summary>
/// Resolves <c>{{steps.&lt;id&gt;.output.&lt;path&gt;}}</c> references in a step's input against earlier steps'
/// observations. A string that is exactly one reference takes the referenced JSON value; references inside
/// longer strings are replaced by the value's text. Pure: the same state always gives the same input.
/// </summary>
public static partial class StepInputResolver
{
    public static bool TryResolve(JsonElement input, RunState state, out JsonElement resolved, out string? error)
    {
        ArgumentNullException.ThrowIfNull(state);
        var problems = new List<string>();
        var node = Resolve(JsonNode.Parse(input.GetRawText()), state, problems);
        if (problems.Count > 0)
        {
            resolved = input;
            error = string.Join("; ", problems);
            return false;
        }

        resolved = JsonSerializer.SerializeToElement(node, ResolverJsonContext.Default.JsonNode);
        error = null;
        return true;
    }

    public static bool HasReferences(JsonElement input) => StepReference.Pattern().IsMatch(input.GetRawText());

    private static JsonNode? Resolve(JsonNode? node, RunState state, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Resolve(obj[key], state, problems);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Resolve(array[i], state, problems);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("{{", StringComparison.Ordinal):
                return ResolveString(text, state, problems);
            default:
                return node;
        }
    }

    private static JsonNode? ResolveString(string text, RunState state, List<string> problems)
    {
        var whole = StepReference.Pattern().Match(text);
        if (whole.Success && whole.Length == text.Length)
        {
            return Lookup(whole, state, problems) is { } element ? JsonNode.Parse(element.GetRawText()) : null;
        }

        var builder = new StringBuilder();
        var last = 0;
        foreach (Match match in StepReference.Pattern().Matches(text))
        {
            builder.Append(text, last, match.Index - last);
            if (Lookup(match, state, problems) is { } element)
            {
                builder.Append(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText());
            }

            last = match.Index + match.Length;
        }

        builder.Append(text, last, text.Length - last);
        return JsonValue.Create(builder.ToString());
    }

    private static JsonElement? Lookup(Match reference, RunState state, List<string> problems)
    {
        var stepId = reference.Groups["step"].Value;
        var step = state.FindStep(stepId);
        if (step?.Observation is not { Success: true, Output: { } output })
        {
            problems.Add($"{reference.Value}: step {stepId} has no successful output");
            return null;
        }

        var current = output;
        foreach (var segment in Segments(reference.Groups["path"].Value))
        {
            JsonElement next = default;
            var found = segment is int index
                ? current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength()
                : current.ValueKind == JsonValueKind.Object && current.TryGetProperty((string)segment, out next);
            if (!found)
            {
                problems.Add($"{reference.Value}: step {stepId}'s output has nothing at '{segment}'");
                return null;
            }

            if (segment is int at)
            {
                next = current[at];
            }

            current = next;
        }

        return current;
    }

    private static IEnumerable<object> Segments(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket != 0)
            {
                yield return bracket < 0 ? part : part[..bracket];
            }

            if (bracket < 0)
            {
                continue;
            }

            foreach (Match index in IndexPattern().Matches(part[bracket..]))
            {
                yield return int.Parse(index.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
    }

    [GeneratedRegex(@"\[(\d+)\]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IndexPattern();
}
