using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Trends;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.Evaluation;

/// <summary>Wires evaluation into a host: the Table store, the replayer of the current configuration, the service and the nightly job.</summary>
public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEvaluationStore"/> and <see cref="IEvaluationReportCatalog"/> (Azure Tables), <see cref="RunReplayer"/> (the registered tool catalog,
    /// policy and prices, recorded mode), <see cref="EvaluationService"/> and <see cref="NightlyEvaluationJob"/> on
    /// <see cref="NightlyEvaluationSettings.Schedule"/>. Call after <c>AddFunctionAgentsStorage</c> and <c>AddFunctionAgentsCore</c>.
    /// </summary>
    public static IServiceCollection AddFunctionAgentsEvaluation(this IServiceCollection services, FunctionAgentsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        var names = settings.Storage.Names;
        services.AddSingleton(sp => new TableEvaluationStore(
            sp.GetRequiredService<TableStorageClient>(), names.Table(EvaluationTableNames.Reports), names.Table(EvaluationTableNames.Scores)));
        services.AddSingleton<IEvaluationStore>(sp => sp.GetRequiredService<TableEvaluationStore>());
        services.AddSingleton<IEvaluationReportCatalog>(sp => sp.GetRequiredService<TableEvaluationStore>());
        services.AddSingleton(sp => new RunReplayer(new ReplayConfiguration(
            sp.GetRequiredService<IToolCatalog>(), sp.GetRequiredService<IPolicyEvaluator>(), sp.GetService<PriceTable>())));
        services.AddSingleton(sp => new EvaluationService(
            sp.GetRequiredService<IRunIndex>(),
            sp.GetRequiredService<IEventJournal>(),
            sp.GetRequiredService<RunReplayer>(),
            sp.GetRequiredService<IEvaluationStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EvaluationService>>(),
            appender: sp.GetService<RunAppender>()));
        services.AddSingleton<NightlyEvaluationJob>();
        services.AddScheduledJob(NightlyEvaluationJob.Name, settings.Nightly.Schedule, runOnStartup: false, sp => sp.GetRequiredService<NightlyEvaluationJob>());
        return services;
    }
}
