using System.Text.Json;
using FunctionAgents.Domain.Schema;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Planning;

/// <summary>
/// The hand-written walk behind <see cref="PlanValidator"/>: structure, cross-field rules and tool dispatch here;
/// each leaf field is checked with its own contract schema fragment so the checks match the generated schema.
/// </summary>
internal sealed partial class PlanWalker
{
    private readonly IToolCatalog _catalog;
    private readonly List<PlanViolation> _violations = [];

    public PlanWalker(IToolCatalog catalog)
    {
        _catalog = catalog;
    }

    public IReadOnlyList<PlanViolation> Walk(JsonElement plan)
    {
        const string Root = JsonPathText.Root;
        if (plan.ValueKind != JsonValueKind.Object)
        {
            Add(Root, $"a plan must be a JSON object, got {SchemaWalker.TypeName(plan)}");
            return _violations;
        }

        var values = CheckProperties(plan, Root, PlanContract.PlanFields);
        var maxSteps = values.TryGetValue("maxSteps", out var maxStepsElement)
            && maxStepsElement.ValueKind == JsonValueKind.Number
            && maxStepsElement.TryGetInt32(out var declared)
            && declared >= PlanContract.MinMaxSteps
            && declared <= PlanContract.MaxMaxSteps
                ? declared
                : (int?)null;

        foreach (var field in PlanContract.PlanFields)
        {
            if (!values.TryGetValue(field.Name, out var value))
            {
                continue;
            }

            var path = JsonPathText.Property(Root, field.Name);
            CheckLeaf(field, value, path);
            if (field.Kind == PlanFieldKind.Steps && value.ValueKind == JsonValueKind.Array)
            {
                CheckSteps(value, path, maxSteps);
            }
        }

        return _violations;
    }

    private void Add(string path, string message) => _violations.Add(new PlanViolation(path, message));

    private void AddSchemaViolations(IEnumerable<SchemaViolation> violations)
    {
        foreach (var violation in violations)
        {
            Add(violation.Path, violation.Message);
        }
    }

    /// <summary>Checks a field against its contract fragment (tool-dependent kinds are checked by the caller).</summary>
    private void CheckLeaf(PlanField field, JsonElement value, string path)
    {
        if (field.Kind is not (PlanFieldKind.ToolName or PlanFieldKind.ToolInput))
        {
            AddSchemaViolations(JsonSchemaValidator.Validate(field.Fragment, value, path));
        }
    }

    /// <summary>
    /// Reports repeated, unknown and missing properties of a contract object and returns the known ones present.
    /// </summary>
    private Dictionary<string, JsonElement> CheckProperties(JsonElement obj, string path, IReadOnlyList<PlanField> fields)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var propertyPath = JsonPathText.Property(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Add(propertyPath, $"property '{property.Name}' appears more than once");
            }
            else if (fields.Any(f => f.Name == property.Name))
            {
                values[property.Name] = property.Value;
            }
            else
            {
                Add(propertyPath, $"unknown property '{property.Name}' is not allowed");
            }
        }

        foreach (var field in fields.Where(f => !seen.Contains(f.Name)))
        {
            Add(JsonPathText.Property(path, field.Name), $"required property '{field.Name}' is missing");
        }

        return values;
    }
}

/// <summary>One reason a plan is invalid, at a JSON path such as <c>$.steps[2].input.to</c>.</summary>
public sealed record PlanViolation(string Path, string Message);
