using System.Text.Json.Nodes;
using System.Text.Json;
using FunctionAgents.Domain.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FunctionAgents.Mcp.Client;

/// <summary>
/// One allowed tool of an MCP server as a catalog tool named <c>&lt;server&gt;.&lt;tool&gt;</c>, with the server's input
/// schema. The executor around it enforces the timeout and output cap and turns every failure into an observation;
/// this class only calls the server once (never retries), passes the dispatch id in <c>_meta</c>, and normalizes what
/// comes back into <c>{ untrusted, server, tool, text, structured }</c>.
/// </summary>
internal sealed class McpTool : ITool
{
    /// <summary>The <c>_meta</c> key that carries the dispatch id (RunId:Seq), for servers that deduplicate.</summary>
    public const string DispatchIdMeta = "functionagents/dispatchId";

    private readonly McpServerConnection _server;
    private readonly string _tool;
    private readonly McpToolSettings _limits;

    public McpTool(McpServerConnection server, string tool, string? description, JsonElement inputSchema, McpToolSettings limits)
    {
        _server = server;
        _tool = tool;
        _limits = limits;
        Name = server.Name + "." + tool;

        // The description comes from the server: it is shown to the planner as data, cut short so it cannot crowd the prompt.
        Description = $"[MCP server {server.Name}] " + (description is null ? tool : description[..Math.Min(description.Length, 500)]);
        InputSchema = inputSchema;
    }

    public string Name { get; }

    public string Description { get; }

    public JsonElement InputSchema { get; }

    public TimeSpan Timeout => _limits.Timeout;

    public decimal CostPerCallUsd => _limits.CostUsd;

    public int OutputCapBytes => _limits.OutputCapBytes;

    public async Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var request = new CallToolRequestParams
        {
            Name = _tool,
            Arguments = invocation.Input.ValueKind == JsonValueKind.Object
                ? invocation.Input.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : new Dictionary<string, JsonElement>(StringComparer.Ordinal),
            Meta = new JsonObject { [DispatchIdMeta] = invocation.DispatchId },
        };

        CallToolResult result;
        try
        {
            var client = await _server.GetClientAsync(cancellationToken);
            result = await client.CallToolAsync(request, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever the transport threw, this is the executor's timeout (or the caller's cancel): let it name it.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _server.DropAsync();
            throw new McpUnavailableException($"mcp_unavailable: MCP server '{_server.Name}' did not answer {_tool}: {ex.Message}", ex);
        }

        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));
        if (result.IsError == true)
        {
            throw new McpToolFailedException($"mcp_tool_error: {Name} reported an error: {Cut(text, 500)}");
        }

        var output = new JsonObject
        {
            ["untrusted"] = true,
            ["server"] = _server.Name,
            ["tool"] = _tool,
            ["text"] = text,
            ["nonText"] = result.Content.Count(b => b is not TextContentBlock),
        };
        if (result.StructuredContent is { } structured)
        {
            output["structured"] = JsonNode.Parse(structured.GetRawText());
        }

        return JsonSerializer.SerializeToElement(output);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
