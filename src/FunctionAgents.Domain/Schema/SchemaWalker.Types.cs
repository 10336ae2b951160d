using System.Text.Json;

namespace FunctionAgents.Domain.Schema;

internal sealed partial class SchemaWalker
{
    private static readonly string[] KnownTypes = ["string", "integer", "number", "boolean", "object", "array", "null"];

    private void CheckType(JsonElement schema, JsonElement instance, string path)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return;
        }

        List<string> names = [];
        if (type.ValueKind == JsonValueKind.String)
        {
            names.Add(type.GetString()!);
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
            {
                names.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
            }
        }
        else
        {
            Add(path, "invalid schema: 'type' must be a type name or an array of type names");
            return;
        }

        var unknown = names.Where(n => !KnownTypes.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            Add(path, $"invalid schema: unknown type {string.Join(", ", unknown.Select(n => "'" + n + "'"))}");
            return;
        }

        if (!names.Any(n => IsOfType(instance, n)))
        {
            var expected = names.Count == 1 ? names[0] : "one of " + string.Join(", ", names);
            Add(path, $"must be {Article(expected)}{expected}, got {TypeName(instance)}");
        }
    }

    internal static bool IsOfType(JsonElement instance, string type) => type switch
    {
        "string" => instance.ValueKind == JsonValueKind.String,
        "integer" => JsonNumber.IsIntegral(instance),
        "number" => instance.ValueKind == JsonValueKind.Number,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    /// <summary>The JSON Schema type name of a value, as used in messages.</summary>
    internal static string TypeName(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => JsonNumber.IsIntegral(instance) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Article(string expected) => expected switch
    {
        "null" => string.Empty,
        "integer" or "object" or "array" => "an ",
        _ when expected.StartsWith("one of", StringComparison.Ordinal) => string.Empty,
        _ => "a ",
    };
}
