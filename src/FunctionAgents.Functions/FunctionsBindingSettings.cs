using FunctionAgents.Azure.Evaluation;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Functions;

/// <summary>
/// The app settings the Functions host itself resolves in trigger attributes (<c>%NAME%</c> binding expressions): the
/// host reads them from the app settings before the worker starts, so infra sets each of them, and the worker refuses
/// to start when one is missing (<see cref="FunctionsStartupCheck"/>).
/// </summary>
internal static class FunctionsBindingSettings
{
    /// <summary>
    /// The run queue as deployed: the same <c>prefix-name</c> the local host and every other part of the app use
    /// (<see cref="StorageNames.Queue"/>), with the prefix from <see cref="StorageSettings.PrefixSetting"/>. A binding
    /// expression cannot drop an empty prefix's hyphen, so the Functions app requires a prefix.
    /// </summary>
    public const string AgentRunsQueue = "%" + StorageSettings.PrefixSetting + "%-" + StorageNames.Queues.AgentRuns;

    /// <summary>The sweeper's NCRONTAB schedule (six fields, UTC).</summary>
    public const string SweepSchedule = "FA_SWEEP_SCHEDULE";

    /// <summary>The sweeper's schedule expression, resolved from <see cref="SweepSchedule"/>.</summary>
    public const string SweepScheduleExpression = "%" + SweepSchedule + "%";

    /// <summary>
    /// Infra's default: every 5 minutes. A timer that fires every minute keeps a Flex Consumption app from ever scaling
    /// to zero; every 5 minutes lets it idle out between ticks, and a run stranded by a crash is repaired at most
    /// FA_SWEEP_AFTER + 5 minutes later instead of + 1 (docs/deploy.md).
    /// </summary>
    public const string DefaultSweepSchedule = "0 */5 * * * *";

    /// <summary>The nightly evaluation timer's schedule expression, resolved from <see cref="NightlyEvaluationSettings.ScheduleSetting"/>.</summary>
    public const string NightlyScheduleExpression = "%" + NightlyEvaluationSettings.ScheduleSetting + "%";

    /// <summary>Every setting a trigger attribute names.</summary>
    public static readonly IReadOnlyList<string> Required = [StorageSettings.PrefixSetting, SweepSchedule, NightlyEvaluationSettings.ScheduleSetting];
}
