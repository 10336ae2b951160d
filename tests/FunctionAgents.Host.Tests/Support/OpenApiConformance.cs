using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionAgents.Domain.Schema;
using FunctionAgents.Http.OpenApi;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>
/// The API's OpenAPI document, read for checking responses: each path template as a regex, every <c>$ref</c> inlined
/// so the runtime's <see cref="JsonSchemaValidator"/> can check bodies against the schemas.
/// </summary>
public static class OpenApiConformance
{
    private static readonly Lazy<JsonObject> Document = new(() => (JsonObject)JsonNode.Parse(OpenApiDocument.Json)!);

    public static JsonObject Root => Document.Value;

    /// <summary>Every way <paramref name="status"/> with <paramref name="mediaType"/> and <paramref name="body"/> breaks the document for this request; empty when it conforms.</summary>
    public static List<string> Check(string method, string path, int status, string? mediaType, string? body)
    {
        var problems = new List<string>();

        // The document describes the HTTP API under /api; other paths (/mcp, and pages or metrics a host may add) and the
        // dashboard's static files under /api/dashboard/ are not its subject.
        if (!path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/api/dashboard/", StringComparison.Ordinal))
        {
            return problems;
        }

        var operation = FindOperation(method, path);
        JsonNode? response;
        if (operation is null)
        {
            // Unknown routes answer the fallback's 404, described by the NotFound response.
            if (status != 404)
            {
                problems.Add($"{method} {path} is not in the document and answered {status}");
                return problems;
            }

            response = Resolve(Root["components"]!["responses"]!["NotFound"]!);
        }
        else
        {
            response = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            if (response is null)
            {
                problems.Add($"{method} {path} answered {status}, which the document does not list");
                return problems;
            }

            response = Resolve(response);
        }

        var content = response["content"] as JsonObject;
        if (content is null || content.Count == 0)
        {
            if (!string.IsNullOrEmpty(body))
            {
                problems.Add($"{method} {path} {status} has a body the document does not describe");
            }

            return problems;
        }

        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            problems.Add($"{method} {path} {status} answered '{mediaType}', the document lists {string.Join(", ", content.Select(c => c.Key))}");
            return problems;
        }

        if (body is null || !mediaType.Contains("json", StringComparison.Ordinal))
        {
            return problems;
        }

        using var schema = JsonDocument.Parse(Inline(media["schema"]!).ToJsonString());
        using var instance = JsonDocument.Parse(body);
        problems.AddRange(JsonSchemaValidator.Validate(schema.RootElement, instance.RootElement).Select(v => $"{method} {path} {status}: {v}"));
        return problems;
    }

    /// <summary>Violations of <paramref name="json"/> against the component schema <paramref name="name"/> (for SSE frames' data).</summary>
    public static IReadOnlyList<SchemaViolation> CheckSchema(string name, string json)
    {
        using var schema = JsonDocument.Parse(Inline(Root["components"]!["schemas"]![name]!).ToJsonString());
        using var instance = JsonDocument.Parse(json);
        return JsonSchemaValidator.Validate(schema.RootElement, instance.RootElement);
    }

    private static JsonObject? FindOperation(string method, string path)
    {
        // OpenAPI matches a concrete path before a templated one (/api/evaluations/days before /api/evaluations/{evaluationId}).
        foreach (var (template, item) in ((JsonObject)Root["paths"]!).OrderBy(p => p.Key.Count(c => c == '{')))
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?\}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)) && item![method.ToLowerInvariant()] is JsonObject operation)
            {
                return operation;
            }
        }

        return null;
    }

    private static JsonNode Resolve(JsonNode node)
    {
        while (node is JsonObject o && o["$ref"] is JsonValue reference)
        {
            node = Pointer(reference.GetValue<string>());
        }

        return node;
    }

    /// <summary>A copy of <paramref name="node"/> with every <c>$ref</c> replaced by what it points at (the schemas have no cycles).</summary>
    public static JsonNode Inline(JsonNode node) => node switch
    {
        JsonObject o when o["$ref"] is JsonValue reference => Inline(Pointer(reference.GetValue<string>())),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Inline(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(i => i is null ? null : Inline(i))]),
        _ => node.DeepClone(),
    };

    private static JsonNode Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only local references are used, not '{reference}'.");
        }

        JsonNode node = Root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node[part] ?? throw new InvalidOperationException($"'{reference}' points at nothing.");
        }

        return node;
    }
}
