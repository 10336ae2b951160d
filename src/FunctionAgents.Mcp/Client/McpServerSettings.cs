namespace FunctionAgents.Mcp.Client;

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
