using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;
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
        services.TryAddSingleton<IResponseBuilder>(_ => new OfflineResponseBuilder(settings.Content.DocsPath));
    }
}
