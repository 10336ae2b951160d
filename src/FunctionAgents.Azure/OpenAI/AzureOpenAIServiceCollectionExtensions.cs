using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>Registers the model clients, and the planner and response builder on them.</summary>
public static class AzureOpenAIServiceCollectionExtensions
{
    /// <summary>
    /// The model clients from settings: for each of <see cref="ModelPurposes"/> a keyed <see cref="IChatClient"/> on its
    /// deployment (<see cref="AzureOpenAIOptions.DeploymentFor"/>) with the runtime's middleware (<see cref="ModelPipeline"/>:
    /// gen_ai spans, ModelCalled records, logging, retries), unless the app registers one under that key, or an
    /// unkeyed one, which then serves (with the same middleware) every purpose without its own. Then the planner, response builder and
    /// <see cref="PriceTable"/> on them (<see cref="AddChatModels"/>). Call it after the runtime's own registrations,
    /// e.g. <c>if (AzureOpenAISettings.TryRead(getSetting) is { } openAi) services.AddAzureOpenAIModels(openAi);</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete.</exception>
    public static IServiceCollection AddAzureOpenAIModels(this IServiceCollection services, AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        foreach (var purpose in ModelPurposes.All)
        {
            var deployment = options.DeploymentFor(purpose);
            services.TryAddKeyedSingleton<IChatClient>(purpose, (sp, _) => ModelPipeline.ForPurpose(
                sp.GetService<IChatClient>() ?? ChatClientFactory.Create(options, deployment),
                options,
                purpose,
                deployment,
                ModelFor(options, purpose),
                sp.GetService<ILoggerFactory>()));
        }

        services.RemoveAll<IPlanner>();
        services.RemoveAll<IResponseBuilder>();
        services.RemoveAll<PriceTable>();
        services.AddSingleton(options.Prices);
        return services.AddChatModels(options);
    }

    /// <summary>
    /// The planner and the response builder on the <see cref="IChatClient"/> each purpose resolves to
    /// (<see cref="ModelClients.Resolve"/>: keyed <c>planner</c> / <c>answer</c>, else the unkeyed one), wrapped in the
    /// runtime's middleware (gen_ai spans, recording, logging, timeouts and retries); the offline ones when no client is
    /// registered. Decided when first resolved, so a client registered after this call counts. Registers nothing over an
    /// <see cref="IPlanner"/> or <see cref="IResponseBuilder"/> already registered.
    /// </summary>
    public static IServiceCollection AddChatModels(this IServiceCollection services, AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateLimits();
        services.TryAddSingleton(options);

        // The judge's keyed client: with no settings, the app's unkeyed client with the runtime's middleware, or none.
        services.TryAddKeyedSingleton<IChatClient>(ModelPurposes.Judge, (sp, _) => sp.GetService<IChatClient>() is { } client
            ? ModelPipeline.ForPurpose(client, options, ModelPurposes.Judge, Label(options, options.DeploymentFor(ModelPurposes.Judge), client), options.JudgeModel, sp.GetService<ILoggerFactory>())
            : null!);
        services.TryAddSingleton(sp => ModelClients.Resolve(sp, ModelPurposes.Planner) is null && ModelClients.Resolve(sp, ModelPurposes.Answer) is null
            ? PriceTable.Uniform(new ModelPrice(0m, 0m))
            : options.Prices);
        services.TryAddSingleton<IPlanner>(sp => ModelClients.Resolve(sp, ModelPurposes.Planner) is { } client
            ? new AzureOpenAIPlanner(options with { PlannerDeployment = Label(options, options.PlannerDeployment, client) }, client, sp.GetRequiredService<IToolCatalog>(), sp.GetService<ILoggerFactory>())
            : sp.GetRequiredService<OfflinePlanner>());
        services.TryAddSingleton<IResponseBuilder>(sp => ModelClients.Resolve(sp, ModelPurposes.Answer) is { } client
            ? new AzureOpenAIResponseBuilder(options with { AnswerDeployment = Label(options, options.AnswerDeployment, client) }, client, sp.GetService<ILoggerFactory>())
            : sp.GetRequiredService<OfflineResponseBuilder>());
        return services;
    }

    private static string? ModelFor(AzureOpenAIOptions options, string purpose) => purpose switch
    {
        ModelPurposes.Answer => options.AnswerModel,
        ModelPurposes.Judge => options.JudgeModel ?? (options.JudgeDeployment is null ? options.PlannerModel : null),
        _ => options.PlannerModel,
    };

    /// <summary>
    /// The deployment name recorded and priced for calls through <paramref name="client"/>: the settings' name for a
    /// client built from settings; for a registered client, the model it says it talks to, else the settings' name.
    /// </summary>
    private static string Label(AzureOpenAIOptions options, string configured, IChatClient client) =>
        options.Endpoint is null && client.GetService<ChatClientMetadata>()?.DefaultModelId is { Length: > 0 } model ? model : configured;
}
