using FunctionAgents.Http.Routing;
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

    /// <summary>
    /// Registers the MCP server, its tools and <see cref="McpHttpHandler"/>; both hosts call it after the HTTP API's wiring
    /// (the handler reuses the key ring).
    /// </summary>
    public static IServiceCollection AddFunctionAgentsMcpServer(this IServiceCollection services)
    {
        services.AddSingleton<McpHttpHandler>();

        // Stateless: every request carries its key and is served on its own, so a tenant is never taken from a session
        // and no request needs the instance that served the previous one (Functions scale-out).
        services.AddMcpServer(o => o.ServerInfo = new() { Name = "FunctionAgents", Version = "1.0" })
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools<RunsMcpTools>()
            .WithRequestFilters(filters => filters.AddCallToolFilter(McpArgumentCheck.Filter));
        return services;
    }

    /// <summary>
    /// Maps <see cref="McpHttpHandler"/> at <see cref="Path"/> and at <c>api/mcp</c>, the Functions app's route, for every
    /// method (as its trigger, <see cref="McpHttpHandler.Methods"/>): the handler answers a method it does not serve with 405.
    /// </summary>
    public static IEndpointRouteBuilder MapFunctionAgentsMcp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<McpHttpHandler>();
        endpoints.Map(Path, handler.HandleAsync);
        endpoints.Map(ApiRoutes.Mcp, handler.HandleAsync);
        return endpoints;
    }
}
