using System.Text.Json;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Forensics.Invariants;

/// <summary>
/// The personal data that belongs to the person a run answers: what the goal (and the metadata's subject fields)
/// names, and everything in a record the run looked up for them: a row of a tool's output that carries one of those
/// identifiers (a customer row found by the customer's email) or an id the goal quotes (the row of "order 1042").
/// Values are compared normalized: emails case-insensitively, numbers by their digits.
/// </summary>
internal static class RunSubjectData
{
    public static HashSet<string> Collect(RunState state)
    {
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in PiiScanner.Find(state.Goal))
        {
            identifiers.Add(Normalize(finding, state.Goal));
        }

        foreach (var key in SubjectIds.MetadataKeys)
        {
            if (state.Metadata?.TryGetValue(key, out var value) == true && !string.IsNullOrWhiteSpace(value))
            {
                identifiers.Add(value.Trim().ToLowerInvariant());
            }
        }

        var allowed = new HashSet<string>(identifiers, StringComparer.Ordinal);
        var goalWords = new HashSet<string>(
            state.Goal.Split([' ', ',', '.', ';', ':', '?', '!', '(', ')', '#', '"', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3),
            StringComparer.OrdinalIgnoreCase);
        foreach (var step in state.Steps)
        {
            if (step.Observation?.Output is { } output)
            {
                CollectRecords(output, identifiers, goalWords, allowed);
            }
        }

        return allowed;
    }

    public static string Normalize(PiiFinding finding, string text)
    {
        var value = text.Substring(finding.Index, finding.Length);
        return finding.Kind == PiiKind.Email
            ? value.ToLowerInvariant()
            : new string([.. value.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
    }

    private static void CollectRecords(JsonElement element, HashSet<string> identifiers, HashSet<string> goalWords, HashSet<string> allowed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectRecords(item, identifiers, goalWords, allowed);
                }

                break;
            case JsonValueKind.Object:
                var texts = element.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    .Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()).ToList();
                var quotedId = element.EnumerateObject().Any(p =>
                    p.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase)
                    && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    && goalWords.Contains(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
                if (quotedId || texts.Exists(t => identifiers.Contains(t.Trim().ToLowerInvariant()) || PiiScanner.Find(t).Any(f => identifiers.Contains(Normalize(f, t)))))
                {
                    foreach (var t in texts)
                    {
                        allowed.UnionWith(PiiScanner.Find(t).Select(f => Normalize(f, t)));
                    }
                }

                foreach (var property in element.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
                {
                    CollectRecords(property.Value, identifiers, goalWords, allowed);
                }

                break;
        }
    }
}
