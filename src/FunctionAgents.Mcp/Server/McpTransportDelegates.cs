using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FunctionAgents.Mcp.Server;

/// <summary>
/// The MCP SDK's streamable HTTP transport as plain request delegates, one per HTTP method, so a single HTTP trigger (or
/// any route) can serve it outside endpoint routing. The SDK only exposes its transport through <c>MapMcp</c>; mapping it
/// onto this private route builder and taking the built endpoints' delegates reuses the SDK's own handling (Accept and
/// protocol-version checks, JSON-RPC parsing, per-request server) instead of writing it a second time.
/// </summary>
internal sealed class McpTransportDelegates : IEndpointRouteBuilder
{
    private McpTransportDelegates(IServiceProvider services) => ServiceProvider = services;

    public IServiceProvider ServiceProvider { get; }

    public ICollection<EndpointDataSource> DataSources { get; } = [];

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(ServiceProvider);

    /// <summary>The transport's delegate for each method it serves (stateless: POST only), keyed case-insensitively.</summary>
    public static IReadOnlyDictionary<string, RequestDelegate> Build(IServiceProvider services)
    {
        var builder = new McpTransportDelegates(services);
        builder.MapMcp();
        var delegates = new Dictionary<string, RequestDelegate>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in builder.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                delegates[method] = endpoint.RequestDelegate
                    ?? throw new InvalidOperationException($"The MCP SDK mapped {method} without a request delegate.");
            }
        }

        return delegates.ContainsKey(HttpMethods.Post)
            ? delegates
            : throw new InvalidOperationException("The MCP SDK mapped no POST endpoint: call AddFunctionAgentsMcpServer first.");
    }
}
