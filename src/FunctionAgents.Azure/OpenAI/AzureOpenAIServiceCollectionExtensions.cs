using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>Registers the Azure OpenAI planner and response builder.</summary>
public static class AzureOpenAIServiceCollectionExtensions
{
    /// <summary>
    /// Replaces any registered <see cref="IPlanner"/>, <see cref="IResponseBuilder"/> and <see cref="PriceTable"/> with
    /// the Azure OpenAI planner, response builder and <see cref="AzureOpenAIOptions.Prices"/> (so RunActivities charges
    /// what the pre-call budget check estimates). Call it after the runtime's own registrations, e.g.
    /// <c>if (AzureOpenAISettings.TryRead(getSetting) is { } openAi) services.AddAzureOpenAIModels(openAi);</c>.
    /// Time limits always run on the system clock, never on a test's or the engine's clock.
    /// </summary>
    public static IServiceCollection AddAzureOpenAIModels(this IServiceCollection services, AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.RemoveAll<IPlanner>();
        services.RemoveAll<IResponseBuilder>();
        services.RemoveAll<PriceTable>();
        services.AddSingleton(options);
        services.AddSingleton(options.Prices);
        services.AddSingleton<IPlanner>(sp => new AzureOpenAIPlanner(options, sp.GetRequiredService<IToolCatalog>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IResponseBuilder>(sp => new AzureOpenAIResponseBuilder(options, sp.GetService<ILoggerFactory>()));
        return services;
    }
}
