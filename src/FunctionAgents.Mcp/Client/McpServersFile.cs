using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionAgents.Mcp.Client;

/// <summary>
/// Reads the MCP servers file (<c>FA_MCP_SERVERS</c>, JSON; the format is in docs/mcp.md). Every mistake is a
/// <see cref="FormatException"/> naming the file and the field, e.g. <c>servers[1].tools.lookup.timeoutMs</c>.
/// </summary>
public static partial class McpServersFile
{
    /// <summary>The setting that names the file.</summary>
    public const string Setting = "FA_MCP_SERVERS";

    private static readonly string[] ServerFields = ["name", "transport", "command", "args", "env", "url", "headers", "tools"];
    private static readonly string[] ToolFields = ["timeoutMs", "costUsd", "outputCapBytes"];

    public static IReadOnlyList<McpServerSettings> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{Setting}: cannot read '{path}': {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static IReadOnlyList<McpServerSettings> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{Setting} ({source}): not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("servers", out var servers) || servers.ValueKind != JsonValueKind.Array)
            {
                throw Error(source, "servers", "must be an array of servers");
            }

            var result = new List<McpServerSettings>();
            var index = 0;
            foreach (var server in servers.EnumerateArray())
            {
                var settings = Server(server, $"servers[{index++}]", source);
                if (result.Any(s => s.Name == settings.Name))
                {
                    throw Error(source, $"servers[{index - 1}].name", $"'{settings.Name}' is used twice");
                }

                result.Add(settings);
            }

            return result;
        }
    }

    private static McpServerSettings Server(JsonElement e, string at, string source)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Error(source, at, "must be an object");
        }

        Unknown(e, ServerFields, at, source);
        var name = String(e, "name", at, source) ?? throw Error(source, at + ".name", "is required");
        if (!Name().IsMatch(name))
        {
            throw Error(source, at + ".name", "must be 1-32 letters, digits, '_' or '-'");
        }

        var transport = String(e, "transport", at, source) switch
        {
            "stdio" => McpTransportKind.Stdio,
            "http" => McpTransportKind.Http,
            _ => throw Error(source, at + ".transport", "must be 'stdio' or 'http'"),
        };
        var command = String(e, "command", at, source);
        Uri? url = null;
        if (transport == McpTransportKind.Stdio && command is null)
        {
            throw Error(source, at + ".command", "is required for the stdio transport");
        }

        if (transport == McpTransportKind.Http)
        {
            var text = String(e, "url", at, source) ?? throw Error(source, at + ".url", "is required for the http transport");
            if (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
            {
                throw Error(source, at + ".url", "must be an absolute http(s) URL");
            }
        }

        var args = e.TryGetProperty("args", out var a)
            ? a.ValueKind == JsonValueKind.Array && a.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
                ? a.EnumerateArray().Select(x => x.GetString()!).ToList()
                : throw Error(source, at + ".args", "must be an array of strings")
            : [];
        return new McpServerSettings(
            name, transport, command, args, Map(e, "env", at, source), url, Map(e, "headers", at, source), Tools(e, at, source));
    }

    private static Dictionary<string, McpToolSettings> Tools(JsonElement e, string at, string source)
    {
        if (!e.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Object || !tools.EnumerateObject().Any())
        {
            throw Error(source, at + ".tools", "must name at least one allowed tool with its limits");
        }

        var result = new Dictionary<string, McpToolSettings>(StringComparer.Ordinal);
        foreach (var tool in tools.EnumerateObject())
        {
            var here = $"{at}.tools.{tool.Name}";
            if (!Name().IsMatch(tool.Name) || tool.Value.ValueKind != JsonValueKind.Object)
            {
                throw Error(source, here, "must be a tool name (letters, digits, '_' or '-') mapped to an object of limits");
            }

            Unknown(tool.Value, ToolFields, here, source);
            var timeout = Number(tool.Value, "timeoutMs", here, source, 1, 600_000);
            var cost = Number(tool.Value, "costUsd", here, source, 0, 100);
            var cap = Number(tool.Value, "outputCapBytes", here, source, 64, 1_048_576);
            result[tool.Name] = new McpToolSettings(TimeSpan.FromMilliseconds((double)timeout), cost, (int)cap);
        }

        return result;
    }

    private static decimal Number(JsonElement e, string field, string at, string source, decimal min, decimal max)
    {
        if (!e.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            throw Error(source, $"{at}.{field}", "is required and must be a number");
        }

        return number >= min && number <= max
            ? number
            : throw Error(source, $"{at}.{field}", string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
    }

    private static Dictionary<string, string> Map(JsonElement e, string field, string at, string source)
    {
        if (!e.TryGetProperty(field, out var map))
        {
            return [];
        }

        if (map.ValueKind != JsonValueKind.Object || map.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            throw Error(source, $"{at}.{field}", "must map names to the settings their values are read from");
        }

        return map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private static string? String(JsonElement e, string field, string at, string source) =>
        !e.TryGetProperty(field, out var value) ? null
        : value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0 ? value.GetString()
        : throw Error(source, $"{at}.{field}", "must be a non-empty string");

    private static void Unknown(JsonElement e, string[] known, string at, string source)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw Error(source, $"{at}.{property.Name}", "is not a known field");
            }
        }
    }

    private static FormatException Error(string source, string field, string message) => new($"{Setting} ({source}): {field} {message}");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}

/// <summary>What one allowed MCP tool may do: how long a call may take, what it costs and how much output it may return.</summary>
/// <param name="Timeout">The call's wall-clock limit (the executor enforces it).</param>
/// <param name="CostUsd">Recorded per call.</param>
/// <param name="OutputCapBytes">Largest normalized output in UTF-8 bytes; more is cut and marked truncated.</param>
public sealed record McpToolSettings(TimeSpan Timeout, decimal CostUsd, int OutputCapBytes);

/// <summary>How FunctionAgents reaches an MCP server.</summary>
public enum McpTransportKind
{
    /// <summary>A child process spoken to over stdin/stdout.</summary>
    Stdio,

    /// <summary>Streamable HTTP at a URL.</summary>
    Http,
}

/// <summary>One MCP server from the <c>FA_MCP_SERVERS</c> file.</summary>
/// <param name="Name">The catalog prefix: its tools are <c>&lt;Name&gt;.&lt;tool&gt;</c>.</param>
/// <param name="Transport">stdio or streamable HTTP.</param>
/// <param name="Command">stdio: the program to start.</param>
/// <param name="Arguments">stdio: its arguments.</param>
/// <param name="Environment">stdio: extra environment variables, each value the name of a setting to read it from.</param>
/// <param name="Url">http: the endpoint.</param>
/// <param name="Headers">http: request headers, each value the name of a setting to read it from (secrets stay out of the file).</param>
/// <param name="Tools">The allow-list: only these tools join the catalog, each with its limits.</param>
public sealed record McpServerSettings(
    string Name,
    McpTransportKind Transport,
    string? Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    Uri? Url,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, McpToolSettings> Tools);
