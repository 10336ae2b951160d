using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionAgents.Domain.Planning;

/// <summary>
/// One field of the plan contract and its constraints. The schema fragment built here is both emitted in the
/// generated plan schema and used by <see cref="PlanValidator"/> to check the field, so the two cannot disagree.
/// </summary>
internal sealed class PlanField
{
    public PlanField(
        string name,
        PlanFieldKind kind,
        string description,
        int? minLength = null,
        string? pattern = null,
        decimal? minimum = null,
        decimal? maximum = null,
        int? minItems = null,
        int? maxItems = null,
        int? itemMinLength = null)
    {
        Name = name;
        Kind = kind;
        var node = new JsonObject();
        switch (kind)
        {
            case PlanFieldKind.Text:
                node["type"] = "string";
                Add(node, "minLength", minLength);
                if (pattern is not null)
                {
                    node["pattern"] = pattern;
                }

                break;
            case PlanFieldKind.Integer:
            case PlanFieldKind.Number:
                node["type"] = kind == PlanFieldKind.Integer ? "integer" : "number";
                Add(node, "minimum", minimum);
                Add(node, "maximum", maximum);
                break;
            case PlanFieldKind.TextList:
            case PlanFieldKind.Steps:
                node["type"] = "array";
                Add(node, "minItems", minItems);
                Add(node, "maxItems", maxItems);
                if (kind == PlanFieldKind.TextList)
                {
                    var item = new JsonObject { ["type"] = "string" };
                    Add(item, "minLength", itemMinLength);
                    node["items"] = item;
                }

                break;
            default:
                break;
        }

        node["description"] = description;
        using var document = JsonDocument.Parse(node.ToJsonString());
        Fragment = document.RootElement.Clone();
    }

    /// <summary>The JSON property name (camelCase).</summary>
    public string Name { get; }

    public PlanFieldKind Kind { get; }

    /// <summary>
    /// The field's full (non-strict) schema fragment for <see cref="PlanFieldKind.Text"/>, <see cref="PlanFieldKind.Integer"/>,
    /// <see cref="PlanFieldKind.Number"/> and <see cref="PlanFieldKind.TextList"/>. For <see cref="PlanFieldKind.Steps"/>
    /// it holds the array constraints without <c>items</c>; the tool-dependent kinds carry only a description.
    /// </summary>
    public JsonElement Fragment { get; }

    /// <summary>A fresh, mutable copy of <see cref="Fragment"/>, for building the plan schema.</summary>
    public JsonObject FragmentNode() => JsonNode.Parse(Fragment.GetRawText())!.AsObject();

    private static void Add(JsonObject node, string keyword, int? value)
    {
        if (value is { } v)
        {
            node[keyword] = v;
        }
    }

    private static void Add(JsonObject node, string keyword, decimal? value)
    {
        if (value is { } v)
        {
            node[keyword] = v;
        }
    }
}
