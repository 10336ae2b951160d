using FunctionAgents.Core.Hosting;
using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Mcp.Server;

/// <summary>FunctionAgents as an MCP server (streamable HTTP, stateless): runs and approvals as tools, behind the API key.</summary>
public static class McpServerEndpoints
{
    /// <summary>The local host's MCP endpoint.</summary>
    public const string Path = "/mcp";

    /// <summary>Registers the MCP server and its tools; call after the HTTP API's wiring (it reuses the key ring).</summary>
    public static IServiceCollection AddFunctionAgentsMcpServer(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<McpCaller>();

        // Stateless: every request carries its key and is served on its own, so a tenant is never taken from a session.
        services.AddMcpServer(o => o.ServerInfo = new() { Name = "FunctionAgents", Version = "1.0" })
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools<RunsMcpTools>();
        return services;
    }

    /// <summary>Maps the MCP endpoint at <see cref="Path"/> and <c>/api/mcp</c> (the Functions app's route); 401 problem+json without a valid key.</summary>
    public static IEndpointRouteBuilder MapFunctionAgentsMcp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMcp(Path).AddEndpointFilter(RequireKeyAsync);
        endpoints.MapMcp("/" + ApiRoutes.Mcp).AddEndpointFilter(RequireKeyAsync);
        return endpoints;
    }

    private static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyRing>();
        var values = context.HttpContext.Request.Headers[ApiRoutes.ApiKeyHeader];
        return values.Count == 1 && keys.FindTenant(values[0]) is not null
            ? await next(context)
            : ApiProblems.Unauthorized();
    }
}
