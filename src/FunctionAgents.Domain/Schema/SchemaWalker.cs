using System.Text.Json;

namespace FunctionAgents.Domain.Schema;

/// <summary>One validation pass: walks a schema and an instance together and collects every violation.</summary>
internal sealed partial class SchemaWalker
{
    private readonly Func<string, bool>? _isDeferredString;
    private readonly List<SchemaViolation> _violations = [];

    public SchemaWalker(Func<string, bool>? isDeferredString)
    {
        _isDeferredString = isDeferredString;
    }

    public IReadOnlyList<SchemaViolation> Violations => _violations;

    public void Validate(JsonElement schema, JsonElement instance, string path)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return;
            case JsonValueKind.False:
                Add(path, "no value is allowed here");
                return;
            case JsonValueKind.Object:
                break;
            default:
                Add(path, "invalid schema: a schema must be an object or a boolean");
                return;
        }

        var deferred = instance.ValueKind == JsonValueKind.String
            && _isDeferredString is not null
            && _isDeferredString(instance.GetString()!);

        CheckType(schema, instance, path);
        if (!deferred)
        {
            CheckEnum(schema, instance, path);
            CheckConst(schema, instance, path);
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.String when !deferred:
                CheckString(schema, instance.GetString()!, path);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, instance, path);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, instance, path);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, instance, path);
                break;
            default:
                break;
        }

        CheckAnyOf(schema, instance, path);
    }

    private void Add(string path, string message) => _violations.Add(new SchemaViolation(path, message));

    private void AddRange(IEnumerable<SchemaViolation> violations) => _violations.AddRange(violations);

    private void CheckEnum(JsonElement schema, JsonElement instance, string path)
    {
        if (!schema.TryGetProperty("enum", out var allowed))
        {
            return;
        }

        if (allowed.ValueKind != JsonValueKind.Array)
        {
            Add(path, "invalid schema: 'enum' must be an array");
            return;
        }

        foreach (var candidate in allowed.EnumerateArray())
        {
            if (JsonElement.DeepEquals(candidate, instance))
            {
                return;
            }
        }

        Add(path, $"must be one of {Describe(allowed)}, got {Describe(instance)}");
    }

    private void CheckConst(JsonElement schema, JsonElement instance, string path)
    {
        if (schema.TryGetProperty("const", out var expected) && !JsonElement.DeepEquals(expected, instance))
        {
            Add(path, $"must be {Describe(expected)}, got {Describe(instance)}");
        }
    }

    private void CheckAnyOf(JsonElement schema, JsonElement instance, string path)
    {
        if (!schema.TryGetProperty("anyOf", out var branches))
        {
            return;
        }

        if (branches.ValueKind != JsonValueKind.Array || branches.GetArrayLength() == 0)
        {
            Add(path, "invalid schema: 'anyOf' must be a non-empty array");
            return;
        }

        IReadOnlyList<SchemaViolation>? closest = null;
        var closestIndex = 0;
        var index = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            var attempt = new SchemaWalker(_isDeferredString);
            attempt.Validate(branch, instance, path);
            if (attempt.Violations.Count == 0)
            {
                return;
            }

            if (closest is null || attempt.Violations.Count < closest.Count)
            {
                closest = attempt.Violations;
                closestIndex = index;
            }

            index++;
        }

        // The closest alternative's own problems are usually what the author meant to fix.
        Add(path, $"matches none of the {branches.GetArrayLength()} allowed alternatives (anyOf); closest is alternative {closestIndex + 1}");
        AddRange(closest!);
    }

    /// <summary>Short JSON text of a value for messages; long values are cut.</summary>
    internal static string Describe(JsonElement value)
    {
        const int MaxLength = 80;
        var text = value.GetRawText();
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
    }
}

/// <summary>One way a JSON value fails its schema, at a JSON path such as <c>$.steps[2].input.to</c>.</summary>
/// <param name="Path">Where the problem is; for a missing required property, the path the property would have.</param>
/// <param name="Message">What is wrong, in words a planner prompt or an operator can act on.</param>
public sealed record SchemaViolation(string Path, string Message);
