using FunctionAgents.Core.Hosting;
using FunctionAgents.Core.Planning;
using FunctionAgents.Core.Planning.Offline;
using FunctionAgents.Core.Responses;
using FunctionAgents.Core.Responses.Offline;
using FunctionAgents.Core.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionAgents.Azure.DependencyInjection;

public static partial class FunctionAgentsServiceCollectionExtensions
{
    /// <summary>
    /// The tool runner, the offline planner and the offline response builder: no model is called. A planner or
    /// response builder registered before <see cref="AddFunctionAgentsCore"/> (a model-backed one) wins.
    /// </summary>
    private static void AddModelFreeServices(IServiceCollection services, FunctionAgentsSettings settings)
    {
        services.AddSingleton<IToolRunner>(sp => new ToolExecutor(sp.GetRequiredService<IToolCatalog>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPlanner>(sp => new OfflinePlanner(sp.GetRequiredService<IToolCatalog>()));
        services.TryAddSingleton<IResponseBuilder>(_ => new OfflineResponseBuilder(settings.DocsPath));
    }
}
