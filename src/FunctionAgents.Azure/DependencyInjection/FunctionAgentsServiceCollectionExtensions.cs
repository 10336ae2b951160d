using FunctionAgents.Azure.Content;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Azure.Runs;
using FunctionAgents.Azure.Scheduling;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Azure.Telemetry;
using FunctionAgents.Azure.Tools;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Engine;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Policy;
using FunctionAgents.Runtime.Privacy;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Runs;
using FunctionAgents.Runtime.Scheduling;
using FunctionAgents.Runtime.Tools;
using FunctionAgents.Runtime.Tools.Sql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.DependencyInjection;

/// <summary>
/// The wiring both hosts call: <see cref="AddFunctionAgentsStorage"/> for everything on Azure Storage,
/// <see cref="AddFunctionAgentsCore"/> for the runtime on top of it. Everything is a singleton; a registration
/// made before these calls (a test's clock or run options) wins.
/// </summary>
public static partial class FunctionAgentsServiceCollectionExtensions
{
    /// <summary>
    /// Storage clients (one connection from <see cref="StorageSettings.Connection"/>, or the identity-based
    /// settings read through <paramref name="getSetting"/>), the journal, the run index, the
    /// ticket store and email outbox, and <see cref="FunctionAgentsStorage"/> to create them all.
    /// </summary>
    public static IServiceCollection AddFunctionAgentsStorage(
        this IServiceCollection services, FunctionAgentsSettings settings, Func<string, string?>? getSetting = null, StorageClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        var clients = settings.Storage.Connection is { } connectionString
            ? StorageClientFactory.FromConnectionString(connectionString, clientOptions)
            : StorageClientFactory.FromSettings(name => getSetting?.Invoke(name), options: clientOptions);
        var names = settings.Storage.Names;

        services.TryAddSingleton(settings);
        services.TryAddSingleton(names);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(clients);
        services.AddSingleton(clients.Tables);
        services.AddSingleton(clients.Queues);
        services.AddSingleton(_ => clients.CreateTableClient());
        services.AddSingleton(_ => clients.CreateQueueClient());
        services.AddSingleton<IEventJournal>(sp => new TableEventJournal(sp.GetRequiredService<TableStorageClient>(), names.Journal));
        services.AddSingleton<IRunIndex, TableRunIndex>();
        services.AddSingleton<ITicketStore>(sp => new TableTicketStore(sp.GetRequiredService<TableStorageClient>(), names.Table(TableTicketStore.DefaultTableName)));
        services.AddSingleton<IEmailOutbox>(sp => new TableEmailOutbox(sp.GetRequiredService<TableStorageClient>(), names.Table(TableEmailOutbox.DefaultTableName)));
        services.AddSingleton(sp => new FunctionAgentsStorage(
            sp.GetRequiredService<TableStorageClient>(),
            sp.GetRequiredService<QueueStorageClient>(),
            names,
            [names.Table(TableTicketStore.DefaultTableName), names.Table(TableEmailOutbox.DefaultTableName)]));
        services.AddSingleton<IStorageHealthCheck>(sp => sp.GetRequiredService<FunctionAgentsStorage>());
        return services;
    }

    /// <summary>
    /// The runtime: tools (the four built-ins over <see cref="ContentSettings.DocsPath"/> and the sample shop
    /// database built from <c>samples/shop/shop.sql</c>), policy (<see cref="ContentSettings.PolicyPath"/>),
    /// planner and response builder, activities, the step runner the orchestration's activities call, commands, sweeper and the
    /// agent-runs intake. The host registers <see cref="IRunOrchestrations"/> (its Durable engine).
    /// Relative paths resolve against <paramref name="contentRoot"/>, then the repository root. The planner and the
    /// response builder use the model clients: from settings when <paramref name="getSetting"/> yields
    /// <c>AZURE_OPENAI_ENDPOINT</c>, else any <c>IChatClient</c> the app registers (keyed by <c>ModelPurposes</c> or not),
    /// else the offline ones (see docs/models.md).
    /// </summary>
    /// <exception cref="FormatException">An Azure OpenAI setting is malformed; the message names it.</exception>
    public static IServiceCollection AddFunctionAgentsCore(
        this IServiceCollection services, FunctionAgentsSettings settings, string contentRoot, Func<string, string?>? getSetting = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new RunOptions { RunDeadline = settings.Runs.RunDeadline });
        services.TryAddSingleton(new AgentRunsIntakeOptions());

        services.AddSingleton<IToolCatalog>(sp => BuildTools(sp, settings, contentRoot));
        services.AddSingleton<IPolicyEvaluator>(_ => LoadPolicy(settings, contentRoot));
        AddModelFreeServices(services, settings);
        var modelSettings = getSetting ?? (_ => null);
        if (AzureOpenAISettings.TryRead(modelSettings) is { } openAi)
        {
            services.AddAzureOpenAIModels(openAi);
        }
        else
        {
            // No endpoint: the models are any IChatClient the app registers (docs/models.md), else the offline ones.
            services.AddChatModels(AzureOpenAISettings.ReadForRegisteredClients(modelSettings));
        }

        services.AddSingleton<RunActivities>();

        // The one writer of the journal and the run index; personal-data protection is its explicit step
        // (AddFunctionAgentsPrivacy replaces the no-op protector).
        services.TryAddSingleton(JournalProtection.None);
        services.AddSingleton(sp => new RunAppender(
            sp.GetRequiredService<IEventJournal>(),
            sp.GetRequiredService<IRunIndex>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IJournalProjection>(),
            sp.GetRequiredService<IJournalProtector>()));
        services.AddSingleton(sp => new StepRunner(
            sp.GetRequiredService<RunAppender>(),
            sp.GetRequiredService<RunActivities>(),
            settings.RunStateCache.Create(sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton(sp => new RunWriter(sp.GetRequiredService<RunAppender>()));
        services.AddSingleton(sp => new RunCommands(
            sp.GetRequiredService<RunAppender>(),
            sp.GetRequiredService<IRunIndex>(),
            sp.GetRequiredService<IRunOrchestrations>(),
            sp.GetRequiredService<RunOptions>()));
        services.AddSingleton(sp => new RunSweeper(
            sp.GetRequiredService<IRunIndex>(),
            sp.GetRequiredService<IEventJournal>(),
            sp.GetRequiredService<IRunOrchestrations>(),
            sp.GetRequiredService<RunWriter>(),
            sp.GetRequiredService<TimeProvider>(),
            settings.Runs.SweepAfter));
        services.AddSingleton(sp => new AgentRunsIntake(
            sp.GetRequiredService<QueueStorageClient>(),
            sp.GetRequiredService<StorageNames>(),
            sp.GetRequiredService<RunCommands>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AgentRunsIntake>>(),
            sp.GetRequiredService<AgentRunsIntakeOptions>()));
        services.AddFunctionAgentsJournalTelemetry();
        return services;
    }

    /// <summary>Registers a job to run on <paramref name="schedule"/>; the host's scheduler (or a Functions timer trigger) invokes it.</summary>
    public static IServiceCollection AddScheduledJob(
        this IServiceCollection services, string name, CronSchedule schedule, bool runOnStartup, Func<IServiceProvider, IScheduledJob> create)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new ScheduledJobRegistration(name, schedule, runOnStartup, create));
        return services;
    }

    /// <summary>The shop database file the built-in query_sql tool reads (built on first use).</summary>
    public static string ShopDatabasePath(FunctionAgentsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = settings.Content.DataFolder;
        return Path.Combine(folder, "shop.db");
    }

    private static ToolRegistry BuildTools(IServiceProvider services, FunctionAgentsSettings settings, string contentRoot)
    {
        var script = ContentPaths.Resolve(contentRoot, "samples/shop/shop.sql");
        var database = ShopDatabasePath(settings);
        SampleShopDatabase.EnsureCreated(script, database);
        var options = new BuiltInToolOptions(ContentPaths.Resolve(contentRoot, settings.Content.DocsPath), database);
        return BuiltInTools.CreateRegistry(
            options, services.GetRequiredService<ITicketStore>(), services.GetRequiredService<IEmailOutbox>(), services.GetRequiredService<TimeProvider>());
    }

    private static PolicyEngine LoadPolicy(FunctionAgentsSettings settings, string contentRoot) =>
        PolicyFile.Load(ContentPaths.Resolve(contentRoot, settings.Content.PolicyPath));
}
