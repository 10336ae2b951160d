using FunctionAgents.Http.Auth;
using FunctionAgents.Http.Dashboard;
using FunctionAgents.Http.Endpoints;
using FunctionAgents.Http.Evaluations;
using FunctionAgents.Http.Forensics;
using FunctionAgents.Http.Privacy;
using FunctionAgents.Mcp.Server;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Mcp;

/// <summary>
/// What both hosts serve on top of <c>AddFunctionAgents</c>: the MCP servers' tools in the catalog, the HTTP API's
/// handlers, the data-subject API, evaluations, forensics, the dashboard and the MCP server. It lives here, the one
/// project that references both the HTTP API and the MCP code; the adapters (FunctionAgents.Azure) reference neither.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Registers the API's services; call after <c>AddFunctionAgents</c> (the MCP tools wrap its tool catalog).</summary>
    /// <param name="keys">The tenants' API keys (the local host may have generated one).</param>
    /// <param name="getSetting">Reads <c>FA_MCP_SERVERS</c> and <c>FA_ADMIN_KEYS</c>.</param>
    /// <param name="contentRoot">Resolves a relative <c>FA_MCP_SERVERS</c> path.</param>
    /// <exception cref="FormatException">The MCP servers file or <c>FA_ADMIN_KEYS</c> is malformed; the message names it.</exception>
    public static IServiceCollection AddFunctionAgentsApi(
        this IServiceCollection services, ApiKeyRing keys, Func<string, string?> getSetting, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(getSetting);
        services.AddFunctionAgentsMcpTools(getSetting, contentRoot);
        services.AddFunctionAgentsPrivacyHttp(getSetting);
        services.AddFunctionAgentsHttp(keys);
        services.AddFunctionAgentsEvaluationsHttp();
        services.AddFunctionAgentsForensicsHttp();
        services.AddFunctionAgentsDashboard();
        services.AddFunctionAgentsMcpServer();
        return services;
    }
}
