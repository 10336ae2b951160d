using FunctionAgents.Azure.DependencyInjection;

namespace FunctionAgents.Azure.Runs;

/// <summary>How long a run may take, and how long it may sit still before the sweeper re-enqueues it.</summary>
public sealed record RunTimingSettings
{
    /// <summary>How long a run may take, ISO 8601 duration; default <c>PT1H</c>.</summary>
    public const string RunDeadlineSetting = "FA_RUN_DEADLINE";

    /// <summary>How long an unfinished run may sit still before the sweeper re-enqueues it, ISO 8601; default <c>PT2M</c>.</summary>
    public const string SweepAfterSetting = "FA_SWEEP_AFTER";

    public TimeSpan RunDeadline { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan SweepAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Reads both durations; a blank value means "not set".</summary>
    /// <exception cref="FormatException">A duration is malformed or not positive; the message names the setting.</exception>
    public static RunTimingSettings FromSettings(Func<string, string?> getSetting)
    {
        var defaults = new RunTimingSettings();
        return new RunTimingSettings
        {
            RunDeadline = SettingValue.Duration(RunDeadlineSetting, SettingValue.Get(getSetting, RunDeadlineSetting)) ?? defaults.RunDeadline,
            SweepAfter = SettingValue.Duration(SweepAfterSetting, SettingValue.Get(getSetting, SweepAfterSetting)) ?? defaults.SweepAfter,
        };
    }
}
