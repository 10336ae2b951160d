using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Evaluation.Trends;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Evaluation;
using FunctionAgents.Runtime.Evaluation.Evaluators;
using FunctionAgents.Runtime.Evaluation.Judging;
using FunctionAgents.Runtime.Evaluation.Replay;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using Microsoft.Extensions.AI.Evaluation;
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
    /// <param name="getSetting">Reads <see cref="EvaluatorOptions.JudgeSampleSetting"/>; null for the defaults.</param>
    public static IServiceCollection AddFunctionAgentsEvaluation(this IServiceCollection services, FunctionAgentsSettings settings, Func<string, string?>? getSetting = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        var evaluatorOptions = getSetting is null ? EvaluatorOptions.Default : EvaluatorOptions.FromSettings(getSetting);
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
            appender: sp.GetService<RunAppender>(),
            evaluators: NightlyEvaluatorsFor(sp, evaluatorOptions)));
        services.AddSingleton<NightlyEvaluationJob>();
        services.AddScheduledJob(NightlyEvaluationJob.Name, settings.Nightly.Schedule, runOnStartup: false, sp => sp.GetRequiredService<NightlyEvaluationJob>());
        return services;
    }

    /// <summary>Every deterministic evaluator that needs no labels on every run; the judged ones when a "judge" model is registered.</summary>
    private static NightlyEvaluators NightlyEvaluatorsFor(IServiceProvider services, EvaluatorOptions options)
    {
        var judge = JudgeModel.Resolve(services);
        return new NightlyEvaluators(
            DeterministicEvaluators.All(),
            options.JudgeSample > 0 ? JudgedEvaluators.All(new Judge()) : [],
            judge is null || options.JudgeSample == 0 ? null : new ChatConfiguration(judge),
            options.JudgeSample);
    }
}
