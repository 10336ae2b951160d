using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Durable.AzureStorage;
using FunctionAgents.Runtime.Engine;

namespace FunctionAgents.Host.Hosting;

/// <summary>The local host's engine: the shared run orchestrator on DTFx with the Azure Storage provider.</summary>
internal static class LocalEngineServiceCollectionExtensions
{
    /// <summary>The task hub of a deployment without a storage prefix (docs/durable.md).</summary>
    public const string DefaultTaskHub = "FunctionAgentsLocal";

    /// <summary>
    /// Registers <see cref="LocalTaskHub"/> on <see cref="FunctionAgentsSettings.Storage"/> as the host's
    /// <see cref="IRunOrchestrations"/> and the hosted service that starts it (after <see cref="StorageStartupService"/>).
    /// </summary>
    /// <exception cref="StartupFailedException">Storage is configured by identity, not by a connection string.</exception>
    public static IServiceCollection AddLocalTaskHub(this IServiceCollection services, FunctionAgentsSettings settings)
    {
        var connection = settings.Storage.Connection
            ?? throw new StartupFailedException(
                $"{StorageSettings.ConnectionSetting} must be a connection string for the local task hub (Azurite: UseDevelopmentStorage=true).");
        var options = new LocalTaskHubOptions
        {
            ConnectionString = connection,
            // Each storage prefix is its own deployment, so it gets its own hub (tables, queues and leases).
            TaskHubName = TaskHubName(settings.Storage.Names.Prefix),
        };
        services.AddSingleton(sp => new LocalTaskHub(options, sp.GetRequiredService<StepRunner>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IRunOrchestrations>(sp => new LocalRunOrchestrations(sp.GetRequiredService<LocalTaskHub>()));
        services.AddHostedService<LocalTaskHubService>();
        return services;
    }

    /// <summary><c>FunctionAgentsLocal</c>, or <c>&lt;prefix&gt;hub</c> with a storage prefix.</summary>
    public static string TaskHubName(string prefix) => string.IsNullOrEmpty(prefix) ? DefaultTaskHub : prefix + "hub";
}
