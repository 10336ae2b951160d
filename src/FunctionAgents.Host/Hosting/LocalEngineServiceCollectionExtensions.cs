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
    /// <exception cref="FormatException">An <c>FA_DURABLE_*</c> setting or <c>FA_SHUTDOWN_TIMEOUT</c> is malformed; the message names it.</exception>
    public static IServiceCollection AddLocalTaskHub(this IServiceCollection services, FunctionAgentsSettings settings, Func<string, string?> getSetting)
    {
        var connection = settings.Storage.Connection
            ?? throw new StartupFailedException(
                $"{StorageSettings.ConnectionSetting} must be a connection string for the local task hub (Azurite: UseDevelopmentStorage=true).");
        var options = LocalEngineSettings.Apply(
            new LocalTaskHubOptions
            {
                ConnectionString = connection,
                // Each storage prefix is its own deployment, so it gets its own hub (tables, queues and leases).
                TaskHubName = TaskHubName(settings.Storage.Names.Prefix),
            },
            getSetting);

        // The host's whole stop gets the hub's bound; the process's ShutdownGuard ends it if anything still hangs after it.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        services.AddSingleton(sp => new LocalTaskHub(options, sp.GetRequiredService<StepRunner>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IRunOrchestrations>(sp => new LocalRunOrchestrations(sp.GetRequiredService<LocalTaskHub>()));
        services.AddHostedService<LocalTaskHubService>();
        return services;
    }

    /// <summary><c>FunctionAgentsLocal</c>, or <c>&lt;prefix&gt;hub</c> with a storage prefix.</summary>
    public static string TaskHubName(string prefix) => string.IsNullOrEmpty(prefix) ? DefaultTaskHub : prefix + "hub";
}
