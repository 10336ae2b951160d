using System.Globalization;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Runtime.Engine;

namespace FunctionAgents.Azure.Runs;

/// <summary>
/// The step runner's in-process cache of run states (<see cref="RunStateCache"/>): how many runs it holds and how long
/// an entry lives. The lifetime bounds how long an erased subject's plaintext can stay in a process's memory.
/// </summary>
public sealed record RunStateCacheSettings
{
    /// <summary>How many runs' states a process keeps between steps; <c>0</c> turns the cache off. Default 1024.</summary>
    public const string RunsSetting = "FA_RUN_STATE_CACHE_RUNS";

    /// <summary>How long a cached run state may be used after it was stored, ISO 8601 duration; default <c>PT30S</c>.</summary>
    public const string TimeToLiveSetting = "FA_RUN_STATE_CACHE_TTL";

    public int Runs { get; init; } = RunStateCache.DefaultCapacity;

    public TimeSpan TimeToLive { get; init; } = RunStateCache.DefaultTimeToLive;

    /// <summary>The cache these settings describe, or null when it is turned off.</summary>
    public RunStateCache? Create(TimeProvider clock) => Runs == 0 ? null : new RunStateCache(Runs, TimeToLive, clock);

    /// <summary>Reads both settings; a blank value means "not set".</summary>
    /// <exception cref="FormatException">A value is malformed; the message names the setting.</exception>
    public static RunStateCacheSettings FromSettings(Func<string, string?> getSetting)
    {
        var defaults = new RunStateCacheSettings();
        var runs = SettingValue.Get(getSetting, RunsSetting);
        return new RunStateCacheSettings
        {
            Runs = runs is null
                ? defaults.Runs
                : int.TryParse(runs, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 1_000_000
                    ? count
                    : throw new FormatException($"{RunsSetting} '{runs}' must be a whole number of runs from 0 (off) to 1000000."),
            TimeToLive = SettingValue.Duration(TimeToLiveSetting, SettingValue.Get(getSetting, TimeToLiveSetting)) ?? defaults.TimeToLive,
        };
    }
}
