using System.Text.Json;
using FunctionAgents.Domain.Schema;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Planning;

internal sealed partial class PlanWalker
{
    private void CheckSteps(JsonElement steps, string path, int? maxSteps)
    {
        var count = steps.GetArrayLength();
        if (maxSteps is { } limit && count > limit)
        {
            Add(path, $"has {count} steps, more than maxSteps ({limit})");
        }

        var firstPathById = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            var stepPath = JsonPathText.Index(path, index);
            var id = CheckStep(step, stepPath, firstPathById);
            if (id is not null)
            {
                firstPathById.TryAdd(id, stepPath);
            }

            index++;
        }
    }

    /// <summary>Checks one step; returns its id when it has a string id, so later steps may refer to it.</summary>
    private string? CheckStep(JsonElement step, string path, Dictionary<string, string> earlier)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"a step must be an object, got {SchemaWalker.TypeName(step)}");
            return null;
        }

        var values = CheckProperties(step, path, PlanContract.StepFields);
        foreach (var field in PlanContract.StepFields)
        {
            if (values.TryGetValue(field.Name, out var value))
            {
                CheckLeaf(field, value, JsonPathText.Property(path, field.Name));
            }
        }

        string? id = null;
        if (values.TryGetValue("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
        {
            id = idElement.GetString()!;
            if (earlier.TryGetValue(id, out var firstPath))
            {
                Add(JsonPathText.Property(path, "id"), $"duplicate step id '{id}' (already used by {firstPath})");
            }
        }

        var tool = values.TryGetValue("tool", out var toolElement) ? ResolveTool(toolElement, JsonPathText.Property(path, "tool")) : null;
        if (values.TryGetValue("input", out var input))
        {
            CheckInput(input, JsonPathText.Property(path, "input"), tool, earlier);
        }

        return id;
    }

    private ITool? ResolveTool(JsonElement toolElement, string path)
    {
        if (toolElement.ValueKind != JsonValueKind.String)
        {
            Add(path, $"must be a string naming a registered tool, got {SchemaWalker.TypeName(toolElement)}");
            return null;
        }

        var name = toolElement.GetString()!;
        if (_catalog.TryGet(name, out var tool))
        {
            return tool;
        }

        var registered = string.Join(", ", _catalog.All.Select(t => t.Name));
        Add(path, $"'{name}' is not a registered tool (registered: {(registered.Length == 0 ? "none" : registered)})");
        return null;
    }

    private void CheckInput(JsonElement input, string path, ITool? tool, Dictionary<string, string> earlier)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"must be an object, got {SchemaWalker.TypeName(input)}");
            return;
        }

        if (tool is not null)
        {
            AddSchemaViolations(JsonSchemaValidator.Validate(tool.InputSchema, input, path, StepReference.IsTemplated));
        }

        CheckReferencesAndDuplicates(input, path, earlier);
    }

    /// <summary>Every string in the input may refer only to earlier steps; objects may not repeat a property.</summary>
    private void CheckReferencesAndDuplicates(JsonElement value, string path, Dictionary<string, string> earlier)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var stepId in StepReference.ReferencedSteps(value.GetString()!).Distinct(StringComparer.Ordinal))
                {
                    if (!earlier.ContainsKey(stepId))
                    {
                        Add(path, $"refers to step '{stepId}', which is not an earlier step of this plan");
                    }
                }

                break;
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    var propertyPath = JsonPathText.Property(path, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        Add(propertyPath, $"property '{property.Name}' appears more than once");
                    }

                    CheckReferencesAndDuplicates(property.Value, propertyPath, earlier);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckReferencesAndDuplicates(item, JsonPathText.Index(path, index), earlier);
                    index++;
                }

                break;
            default:
                break;
        }
    }
}
