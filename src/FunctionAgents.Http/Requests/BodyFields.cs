using System.Text.Json;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Http.Requests;

/// <summary>Strict reading of the small command bodies: only known properties, each of the right type.</summary>
internal static class BodyFields
{
    /// <summary>The known properties' values (JSON null means absent); an error for every unknown one or a non-object body.</summary>
    public static Dictionary<string, JsonElement> Read(JsonElement? body, string[] known, List<FieldError> errors)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (body is not { } root)
        {
            return fields;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$", "must be a JSON object"));
            return fields;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new FieldError(property.Name, $"is not a known property; expected one of: {string.Join(", ", known)}"));
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                fields[property.Name] = property.Value;
            }
        }

        return fields;
    }

    /// <summary>The string value of <paramref name="name"/>, or null when absent; an error when it is not a string or too long.</summary>
    public static string? String(Dictionary<string, JsonElement> fields, string name, int maxLength, List<FieldError> errors)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(name, "must be a string"));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            errors.Add(new FieldError(name, $"must be at most {maxLength} characters, was {text.Length}"));
            return null;
        }

        return text;
    }
}
