using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Scheduling;

namespace FunctionAgents.Azure.Evaluation;

/// <summary>When the nightly evaluation replays and scores the previous UTC day's runs.</summary>
public sealed record NightlyEvaluationSettings
{
    /// <summary>Six-field NCRONTAB expression of the nightly job; default <see cref="DefaultSchedule"/>.</summary>
    public const string ScheduleSetting = "FA_NIGHTLY_SCHEDULE";

    /// <summary>Every day at 02:00:00 UTC.</summary>
    public const string DefaultSchedule = "0 0 2 * * *";

    public CronSchedule Schedule { get; init; } = CronSchedule.Parse(DefaultSchedule);

    /// <exception cref="FormatException">The schedule is malformed; the message names the setting.</exception>
    public static NightlyEvaluationSettings FromSettings(Func<string, string?> getSetting)
    {
        var value = SettingValue.Get(getSetting, ScheduleSetting) ?? DefaultSchedule;
        try
        {
            return new NightlyEvaluationSettings { Schedule = CronSchedule.Parse(value) };
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{ScheduleSetting}: {ex.Message}", ex);
        }
    }
}
