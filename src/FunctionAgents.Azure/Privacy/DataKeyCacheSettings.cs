using FunctionAgents.Azure.DependencyInjection;

namespace FunctionAgents.Azure.Privacy;

/// <summary>
/// How long a process trusts a data key it fetched (<c>FA_DATA_KEY_CACHE_TTL</c>, ISO 8601, default 30 s, <c>0</c> to
/// cache nothing): the bound within which an erasure made by another process makes the key unusable here (docs/privacy.md).
/// </summary>
public sealed record DataKeyCacheSettings
{
    /// <summary>The setting's name.</summary>
    public const string TtlSetting = "FA_DATA_KEY_CACHE_TTL";

    /// <summary>The default bound.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(30);

    /// <summary>The longest an erased key stays usable in another process; zero caches nothing.</summary>
    public TimeSpan Ttl { get; init; } = DefaultTtl;

    /// <summary>Reads <see cref="TtlSetting"/>.</summary>
    /// <exception cref="FormatException">Not <c>0</c> nor a positive ISO 8601 duration up to an hour; the message names the setting.</exception>
    public static DataKeyCacheSettings FromSettings(Func<string, string?> getSetting)
    {
        var raw = SettingValue.Get(getSetting, TtlSetting);
        if (raw is "0" or "PT0S")
        {
            return new DataKeyCacheSettings { Ttl = TimeSpan.Zero };
        }

        var ttl = SettingValue.Duration(TtlSetting, raw) ?? DefaultTtl;
        return ttl <= TimeSpan.FromHours(1)
            ? new DataKeyCacheSettings { Ttl = ttl }
            : throw new FormatException($"{TtlSetting} '{raw}' is longer than PT1H: an erased key would stay usable that long.");
    }
}
