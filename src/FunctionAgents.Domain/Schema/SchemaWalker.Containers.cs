using System.Text.Json;

namespace FunctionAgents.Domain.Schema;

internal sealed partial class SchemaWalker
{
    private void CheckObject(JsonElement schema, JsonElement instance, string path)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        if (hasProperties && properties.ValueKind != JsonValueKind.Object)
        {
            Add(path, "invalid schema: 'properties' must be an object");
            hasProperties = false;
        }

        CheckRequired(schema, instance, path);

        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in instance.EnumerateObject())
        {
            var propertyPath = JsonPathText.Property(path, property.Name);
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(propertySchema, property.Value, propertyPath);
            }
            else if (hasAdditional && additional.ValueKind == JsonValueKind.False)
            {
                Add(propertyPath, $"unknown property '{property.Name}' is not allowed");
            }
            else if (hasAdditional)
            {
                Validate(additional, property.Value, propertyPath);
            }
        }
    }

    private void CheckRequired(JsonElement schema, JsonElement instance, string path)
    {
        if (!schema.TryGetProperty("required", out var required))
        {
            return;
        }

        if (required.ValueKind != JsonValueKind.Array)
        {
            Add(path, "invalid schema: 'required' must be an array of property names");
            return;
        }

        foreach (var name in required.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                Add(path, "invalid schema: 'required' must be an array of property names");
                continue;
            }

            var propertyName = name.GetString()!;
            if (!instance.TryGetProperty(propertyName, out _))
            {
                Add(JsonPathText.Property(path, propertyName), $"required property '{propertyName}' is missing");
            }
        }
    }

    private void CheckArray(JsonElement schema, JsonElement instance, string path)
    {
        var length = instance.GetArrayLength();
        if (TryGetCountKeyword(schema, "minItems", path, out var minItems) && length < minItems)
        {
            Add(path, $"must have at least {Count(minItems, "item")}, got {length}");
        }

        if (TryGetCountKeyword(schema, "maxItems", path, out var maxItems) && length > maxItems)
        {
            Add(path, $"must have at most {Count(maxItems, "item")}, got {length}");
        }

        if (!schema.TryGetProperty("items", out var items))
        {
            return;
        }

        if (items.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            Add(path, "invalid schema: 'items' must be a schema");
            return;
        }

        var index = 0;
        foreach (var element in instance.EnumerateArray())
        {
            Validate(items, element, JsonPathText.Index(path, index));
            index++;
        }
    }
}
