using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FunctionAgents.Mcp.Server;

/// <summary>
/// Checks a <c>tools/call</c>'s arguments against the tool's own input schema before the SDK binds them, so a wrong
/// argument is answered with a message that names it and the type it must have, instead of the SDK's binding failure
/// ("An error occurred invoking ...", which names nothing). Unknown arguments, missing required ones, and values of the
/// wrong JSON type (a string for a number, an object for a string, a fraction for an integer) are refused.
/// </summary>
/// <remarks>
/// The refusal is a tool result with <c>isError: true</c>, not a JSON-RPC -32602: the MCP specification (2025-11-25,
/// "Error handling") classes input validation errors as tool execution errors so that the calling model sees the message
/// and can correct its call, while protocol errors are for unknown tools and malformed requests (the SDK keeps answering
/// those). It is also how every other refusal of these tools is already reported (<see cref="ModelContextProtocol.McpException"/>).
/// </remarks>
internal static class McpArgumentCheck
{
    /// <summary>The call-tool filter: refuses bad arguments of a known tool, hands everything else to the SDK.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is McpServerTool tool && context.Params is { } call)
            {
                var errors = Check(tool.ProtocolTool.InputSchema, call.Arguments);
                if (errors.Count > 0)
                {
                    return new CallToolResult
                    {
                        IsError = true,
                        Content = [new TextContentBlock { Text = $"Invalid arguments for '{tool.ProtocolTool.Name}': {string.Join("; ", errors)}." }],
                    };
                }
            }

            return await next(context, cancellationToken);
        };

    /// <summary>
    /// The problems of <paramref name="arguments"/> against <paramref name="schema"/> (an object schema with
    /// <c>properties</c> and <c>required</c>), each naming the argument and what it must be; empty when they fit.
    /// </summary>
    public static IReadOnlyList<string> Check(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        var errors = new List<string>();
        var properties = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p
            : default;
        var known = properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(x => x.Name).ToList()
            : [];
        arguments ??= new Dictionary<string, JsonElement>();

        foreach (var name in arguments.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            errors.Add(known.Count == 0
                ? $"unknown argument '{name}': this tool takes no arguments"
                : $"unknown argument '{name}': the arguments are {string.Join(", ", known)}");
        }

        foreach (var name in Required(schema).Where(r => !arguments.ContainsKey(r)))
        {
            var expected = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var s) ? Describe(Types(s)) : "a value";
            errors.Add($"argument '{name}' is required ({expected})");
        }

        foreach (var name in known.Where(arguments.ContainsKey))
        {
            var types = Types(properties.GetProperty(name));
            var value = arguments[name];
            if (types.Count > 0 && !types.Any(t => Fits(t, value)))
            {
                errors.Add($"argument '{name}' must be {Describe(types)}, was {Kind(value)}");
            }
        }

        return errors;
    }

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
            : [];

    private static List<string> Types(JsonElement property) =>
        property.ValueKind != JsonValueKind.Object || !property.TryGetProperty("type", out var type)
            ? []
            : type.ValueKind switch
            {
                JsonValueKind.String => [type.GetString()!],
                JsonValueKind.Array => [.. type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)],
                _ => [],
            };

    // "integer" is bound to a C# int by the SDK, so a fraction or a number outside Int32 cannot be taken either.
    private static bool Fits(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Describe(IReadOnlyList<string> types)
    {
        var named = types.Where(t => t != "null").Select(t => t switch
        {
            "integer" => string.Create(CultureInfo.InvariantCulture, $"an integer ({int.MinValue} to {int.MaxValue})"),
            "object" or "array" => "an " + t,
            _ => "a " + t,
        }).ToList();
        var text = named.Count == 0 ? "null" : string.Join(" or ", named);
        return types.Contains("null") && named.Count > 0 ? text + " or null" : text;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + Shorten(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "...";
}
