using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionAgents.Azure.DependencyInjection;

public static partial class FunctionAgentsServiceCollectionExtensions
{
    /// <summary>
    /// The tool runner, and the offline planner and response builder that stand in when no model client is registered
    /// (no model is called). A planner or response builder registered before <see cref="AddFunctionAgentsCore"/> wins.
    /// </summary>
    private static void AddModelFreeServices(IServiceCollection services, FunctionAgentsSettings settings)
    {
        services.AddSingleton<IToolRunner>(sp => new ToolExecutor(sp.GetRequiredService<IToolCatalog>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new OfflinePlanner(sp.GetRequiredService<IToolCatalog>()));
        services.TryAddSingleton(_ => new OfflineResponseBuilder(settings.Content.DocsPath));
    }
}
