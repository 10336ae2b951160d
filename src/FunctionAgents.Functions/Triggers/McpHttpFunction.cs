using FunctionAgents.Functions.Orchestration;
using FunctionAgents.Http.Routing;
using FunctionAgents.Mcp.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionAgents.Functions.Triggers;

/// <summary>
/// FunctionAgents as an MCP server (streamable HTTP, stateless) at <c>/api/mcp</c>, through the same handler the local
/// host maps. The Functions MCP extension is not used: with ASP.NET Core integration the request and response are the
/// real HTTP ones, so the MCP SDK's own transport answers here. The handler checks x-functions-key against FA_API_KEYS
/// and acts for that key's tenant, like every other trigger (the platform's own keys are not used: see RunsHttpFunctions).
/// start_run, cancel_run and decide_approval start or wake runs, so the function binds the Durable client like the other
/// run-starting triggers (the isolated worker offers none through DI: Azure/azure-functions-durable-extension#2736).
/// </summary>
public sealed class McpHttpFunction
{
    private readonly McpHttpHandler _handler;
    private readonly InvocationDurableClient _durable;

    public McpHttpFunction(McpHttpHandler handler, InvocationDurableClient durable)
    {
        _handler = handler;
        _durable = durable;
    }

    [Function("Mcp")]
    public async Task<IResult> McpAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "delete", "put", "patch", "head", "options", Route = FunctionRoutes.Mcp)] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var bound = _durable.Bind(client);

        // The handler has written the whole response (JSON, an SSE stream or a problem); nothing is left to add.
        await _handler.HandleAsync(request.HttpContext);
        return Results.Empty;
    }
}
