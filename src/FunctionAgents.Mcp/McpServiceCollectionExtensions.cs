using FunctionAgents.Domain.Tools;
using FunctionAgents.Mcp.Client;
using FunctionAgents.Runtime.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Mcp;

/// <summary>Adds the tools of the MCP servers named by <c>FA_MCP_SERVERS</c> to the tool catalog.</summary>
public static class McpServiceCollectionExtensions
{
    /// <summary>
    /// When <c>FA_MCP_SERVERS</c> names a file, reads it now (a bad file throws <see cref="FormatException"/> naming the
    /// field) and wraps the registered <see cref="IToolCatalog"/>: the built-in tools, then each server's allowed tools as
    /// <c>&lt;server&gt;.&lt;tool&gt;</c>. Call after the core wiring. Does nothing when the setting is empty.
    /// </summary>
    public static IServiceCollection AddFunctionAgentsMcpTools(this IServiceCollection services, Func<string, string?> getSetting, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(getSetting);
        if (getSetting(McpServersFile.Setting) is not { Length: > 0 } path)
        {
            return services;
        }

        var servers = McpServersFile.Load(Path.GetFullPath(path, contentRoot));
        var builtIn = services.LastOrDefault(d => d.ServiceType == typeof(IToolCatalog))
            ?? throw new InvalidOperationException("Register the core services (the tool catalog) before the MCP tools.");
        services.Remove(builtIn);
        services.AddSingleton(sp => new McpToolSource(servers, getSetting, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IToolCatalog>(sp =>
        {
            var core = builtIn.ImplementationInstance as IToolCatalog
                ?? builtIn.ImplementationFactory?.Invoke(sp) as IToolCatalog
                ?? throw new InvalidOperationException("The registered tool catalog cannot be wrapped.");

            // Startup only: the catalog is built once, before the first run is planned.
            var mcp = sp.GetRequiredService<McpToolSource>().LoadAsync().GetAwaiter().GetResult();
            return new ToolRegistry([.. core.All, .. mcp]);
        });
        return services;
    }
}
