using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Runtime.Runs;

/// <summary>
/// Reads a start request from JSON strictly, for the HTTP body and the <c>agent-runs</c> queue message alike:
/// unknown properties and wrong types are errors that name the field, then <see cref="StartRunValidator"/> runs.
/// </summary>
public static partial class StartRunJson
{
    private static readonly string[] BodyFields = ["goal", "maxSteps", "budgetUsd", "correlationId", "metadata"];
    private static readonly string[] MessageFields = [.. BodyFields, "tenant", "idempotencyKey", "traceParent"];

    /// <summary>Reads a POST /api/runs body; the tenant comes from the API key, the key and traceparent from headers.</summary>
    public static StartRunRequest? ReadBody(
        JsonElement body, string tenantId, string? idempotencyKey, string? traceParent, out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>();
        var fields = Read(body, BodyFields, found);
        var request = Build(fields, tenantId, idempotencyKey, ValidTraceParent(traceParent), "http", found);
        errors = found;
        return request;
    }

    /// <summary>Reads an <c>agent-runs</c> message: the POST fields plus <c>tenant</c>, <c>idempotencyKey</c> and <c>traceParent</c>.</summary>
    public static StartRunRequest? ReadMessage(JsonElement message, out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>();
        var fields = Read(message, MessageFields, found);
        string? tenant = null;
        if (fields.TryGetValue("tenant", out var t))
        {
            tenant = String(t, "tenant", found);
        }
        else
        {
            found.Add(new FieldError("tenant", "is required"));
        }

        var key = fields.TryGetValue("idempotencyKey", out var k) ? String(k, "idempotencyKey", found) : null;
        var traceParent = fields.TryGetValue("traceParent", out var tp) ? String(tp, "traceParent", found) : null;
        if (traceParent is not null && ValidTraceParent(traceParent) is null)
        {
            found.Add(new FieldError("traceParent", "must be a W3C traceparent (00-<32 hex>-<16 hex>-<2 hex>)"));
        }

        var request = Build(fields, tenant ?? string.Empty, key, traceParent, "queue", found);
        errors = found;
        return request;
    }

    /// <summary>The traceparent when it has the W3C version-00 shape, otherwise null (a malformed one restarts the trace).</summary>
    public static string? ValidTraceParent(string? traceParent) =>
        traceParent is not null && TraceParentPattern().IsMatch(traceParent) ? traceParent : null;

    private static Dictionary<string, JsonElement> Read(JsonElement root, string[] known, List<FieldError> errors)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("$", $"must be a JSON object, was {Kind(root)}"));
            return fields;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new FieldError(property.Name, $"is not a known property; expected one of: {string.Join(", ", known)}"));
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(new FieldError(property.Name, "appears more than once"));
            }
        }

        // A JSON null means "not given" for every optional field.
        return fields.Where(f => f.Value.ValueKind != JsonValueKind.Null).ToDictionary(StringComparer.Ordinal);
    }

    private static StartRunRequest? Build(
        Dictionary<string, JsonElement> fields, string tenantId, string? idempotencyKey, string? traceParent, string source, List<FieldError> errors)
    {
        var goal = fields.TryGetValue("goal", out var g) ? String(g, "goal", errors) : null;
        int? maxSteps = null;
        if (fields.TryGetValue("maxSteps", out var steps))
        {
            if (steps.ValueKind == JsonValueKind.Number && steps.TryGetInt32(out var value))
            {
                maxSteps = value;
            }
            else
            {
                // A number that is not a 32-bit integer (2.5, 1e308) is a range problem, not a type problem.
                errors.Add(new FieldError("maxSteps", steps.ValueKind == JsonValueKind.Number
                    ? $"must be an integer between {StartRunValidator.MinSteps} and {StartRunValidator.MaxSteps}, was {steps.GetRawText()}"
                    : $"must be an integer, was {Kind(steps)}"));
            }
        }

        decimal? budget = null;
        if (fields.TryGetValue("budgetUsd", out var b))
        {
            if (b.ValueKind == JsonValueKind.Number && b.TryGetDecimal(out var value))
            {
                budget = value;
            }
            else
            {
                // A number beyond decimal's range (1e308) is a range problem, not a type problem.
                errors.Add(new FieldError("budgetUsd", b.ValueKind == JsonValueKind.Number
                    ? string.Create(CultureInfo.InvariantCulture, $"must be between {StartRunValidator.MinBudgetUsd} and {StartRunValidator.MaxBudgetUsd}, was {b.GetRawText()}")
                    : $"must be a number, was {Kind(b)}"));
            }
        }

        var correlationId = fields.TryGetValue("correlationId", out var c) ? String(c, "correlationId", errors) : null;
        var metadata = fields.TryGetValue("metadata", out var m) ? Metadata(m, errors) : null;

        var request = new StartRunRequest(tenantId, goal ?? string.Empty, maxSteps, budget, correlationId, metadata, idempotencyKey, source, traceParent);
        var reported = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(StartRunValidator.Validate(request).Where(e => !reported.Contains(e.Field)));
        return errors.Count == 0 ? request : null;
    }

    private static Dictionary<string, string>? Metadata(JsonElement element, List<FieldError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("metadata", $"must be an object of string values, was {Kind(element)}"));
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError($"metadata.{entry.Name}", $"must be a string, was {Kind(entry.Value)}"));
            }
            else if (Text(entry.Value, $"metadata.{entry.Name}", errors) is not { } value)
            {
                continue;
            }
            else if (!metadata.TryAdd(entry.Name, value))
            {
                errors.Add(new FieldError($"metadata.{entry.Name}", "appears more than once"));
            }
        }

        return metadata;
    }

    private static string? String(JsonElement element, string field, List<FieldError> errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return Text(element, field, errors);
        }

        errors.Add(new FieldError(field, $"must be a string, was {Kind(element)}"));
        return null;
    }

    // A JSON string escaping a lone surrogate ("\ud800") is valid JSON but not text: GetString throws.
    private static string? Text(JsonElement element, string field, List<FieldError> errors)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            errors.Add(new FieldError(field, "must be valid Unicode text (it contains a lone surrogate escape)"));
            return null;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    [GeneratedRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TraceParentPattern();
}
