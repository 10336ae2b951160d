using System.Text.Json.Nodes;
using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Planning;

/// <summary>
/// Generates the JSON schema of the plan contract from <see cref="PlanContract"/>, for a model's structured output.
/// Every object has <c>additionalProperties: false</c> and lists all its properties in <c>required</c>;
/// <c>steps.items</c> is an <c>anyOf</c> with one branch per registered tool, pinning <c>tool</c> to that tool's name
/// and <c>input</c> to its input schema.
/// </summary>
/// <remarks>
/// Some rules cannot be expressed in a schema and are enforced only by <see cref="PlanValidator"/>: no more steps than
/// <c>maxSteps</c>, unique step ids, step references to earlier steps only, no repeated properties.
/// </remarks>
public static class PlanSchema
{
    /// <summary>
    /// Keywords <see cref="Build"/> leaves out when <c>strict</c> is true. OpenAI strict structured outputs accept them
    /// on current base models (since mid-2025) but reject them for fine-tuned models (its "Supported schemas" guide),
    /// so the strict form drops them everywhere, tool input schemas included. Validation stays complete:
    /// <see cref="PlanValidator"/> always enforces every limit.
    /// </summary>
    public static IReadOnlyList<string> StrictOmittedKeywords { get; } =
    [
        "minLength", "maxLength", "pattern", "format",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems",
    ];

    /// <summary>
    /// Builds the plan schema for the tools in <paramref name="catalog"/>, in catalog order.
    /// </summary>
    /// <param name="strict">
    /// Produce the form accepted by every model in OpenAI strict mode: the keywords in
    /// <see cref="StrictOmittedKeywords"/> are removed and each step's <c>tool</c> is pinned with a one-value
    /// <c>enum</c> instead of <c>const</c>. Tool input schemas are embedded as written apart from that, so for strict
    /// mode they must themselves list every property in <c>required</c> and set <c>additionalProperties: false</c>.
    /// </param>
    /// <exception cref="ArgumentException">The catalog has no tools, so no plan could be valid.</exception>
    public static JsonElement Build(IToolCatalog catalog, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.All.Count == 0)
        {
            throw new ArgumentException("The tool catalog is empty; a plan needs at least one tool.", nameof(catalog));
        }

        var root = ObjectSchema(PlanContract.PlanFields, field => field.Kind == PlanFieldKind.Steps
            ? StepsSchema(field, catalog, strict)
            : Strip(field.FragmentNode(), strict));
        root["description"] = "A bounded plan: steps that each call one registered tool, limits, and stop conditions.";

        using var document = JsonDocument.Parse(root.ToJsonString());
        return document.RootElement.Clone();
    }

    private static JsonObject ObjectSchema(IReadOnlyList<PlanField> fields, Func<PlanField, JsonNode> propertySchema)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in fields)
        {
            properties[field.Name] = propertySchema(field);
            required.Add(field.Name);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject StepsSchema(PlanField field, IToolCatalog catalog, bool strict)
    {
        var branches = new JsonArray();
        foreach (var tool in catalog.All)
        {
            branches.Add(ObjectSchema(PlanContract.StepFields, stepField => stepField.Kind switch
            {
                PlanFieldKind.ToolName => ToolNameSchema(tool, strict),
                PlanFieldKind.ToolInput => Strip(JsonNode.Parse(tool.InputSchema.GetRawText())!, strict),
                _ => Strip(stepField.FragmentNode(), strict),
            }));
        }

        var steps = Strip(field.FragmentNode(), strict);
        steps["items"] = new JsonObject { ["anyOf"] = branches };
        return steps.AsObject();
    }

    private static JsonObject ToolNameSchema(ITool tool, bool strict)
    {
        var node = new JsonObject { ["type"] = "string" };
        if (strict)
        {
            node["enum"] = new JsonArray(tool.Name);
        }
        else
        {
            node["const"] = tool.Name;
        }

        node["description"] = $"{tool.Name}: {tool.Description}";
        return node;
    }

    /// <summary>In strict mode, removes <see cref="StrictOmittedKeywords"/> from a schema and its subschemas.</summary>
    private static JsonNode Strip(JsonNode schema, bool strict)
    {
        if (!strict || schema is not JsonObject obj)
        {
            return schema;
        }

        foreach (var keyword in StrictOmittedKeywords)
        {
            obj.Remove(keyword);
        }

        if (obj["properties"] is JsonObject properties)
        {
            foreach (var (_, propertySchema) in properties)
            {
                if (propertySchema is not null)
                {
                    Strip(propertySchema, strict);
                }
            }
        }

        if (obj["items"] is { } items)
        {
            Strip(items, strict);
        }

        if (obj["additionalProperties"] is { } additional)
        {
            Strip(additional, strict);
        }

        if (obj["anyOf"] is JsonArray anyOf)
        {
            foreach (var branch in anyOf.OfType<JsonNode>())
            {
                Strip(branch, strict);
            }
        }

        return obj;
    }
}
