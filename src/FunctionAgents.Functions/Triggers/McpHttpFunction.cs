using FunctionAgents.Mcp.Server;
using FunctionAgents.Runtime.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// FunctionAgents as an MCP server (streamable HTTP, stateless) at <c>/api/mcp</c>, through the same handler the local
/// host maps. The Functions MCP extension is not used: with ASP.NET Core integration the request and response are the
/// real HTTP ones, so the MCP SDK's own transport answers here. AuthorizationLevel.Function makes the platform check
/// x-functions-key first; the handler then maps that key to its tenant (FA_API_KEYS), like every other trigger.
/// </summary>
public sealed class McpHttpFunction
{
    private readonly McpHttpHandler _handler;

    public McpHttpFunction(McpHttpHandler handler) => _handler = handler;

    [Function("Mcp")]
    public async Task<IResult> McpAsync([HttpTrigger(AuthorizationLevel.Function, "get", "post", "delete", Route = FunctionRoutes.Mcp)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The handler has written the whole response (JSON, an SSE stream or a problem); nothing is left to add.
        await _handler.HandleAsync(request.HttpContext);
        return Results.Empty;
    }
}
