using System.Text.Json.Nodes;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Privacy;

/// <summary>
/// Replaces every personal-data field of an event with <see cref="PersonalDataFields.ProtectedText"/>. Projections
/// (the audit table) are fed this view: they are kept as long as the journal but no key protects them, so they
/// must hold no personal data at all.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>The event with every personal-data field replaced by <see cref="PersonalDataFields.ProtectedText"/>; its hashes unchanged.</summary>
    public static RunEvent Mask(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var paths = PersonalDataFields.Of(e.Type);
        if (paths.Count == 0 || JsonNode.Parse(e.Payload) is not { } root)
        {
            return e;
        }

        foreach (var path in paths)
        {
            JsonFieldPath.Rewrite(root, path, _ => JsonValue.Create(PersonalDataFields.ProtectedText));
        }

        return e with { Payload = root.ToJsonString() };
    }

    /// <summary>How many personal-data fields of <paramref name="e"/> read <see cref="PersonalDataFields.ErasedText"/>.</summary>
    public static int CountErased(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var paths = PersonalDataFields.Of(e.Type);
        if (paths.Count == 0 || !e.Payload.Contains(PersonalDataFields.ErasedText, StringComparison.Ordinal) || JsonNode.Parse(e.Payload) is not { } root)
        {
            return 0;
        }

        var count = 0;
        foreach (var path in paths)
        {
            JsonFieldPath.Rewrite(root, path, value =>
            {
                count += value is JsonValue v && v.TryGetValue<string>(out var text) && text == PersonalDataFields.ErasedText ? 1 : 0;
                return value.DeepClone();
            });
        }

        return count;
    }
}
