using System.Xml;

namespace FunctionAgents.Runtime.Hosting;

/// <summary>
/// Every setting of the runtime, read once at startup by either host. Each problem names its setting.
/// </summary>
public sealed record FunctionAgentsSettings
{
    public const string DefaultStorage = "UseDevelopmentStorage=true";
    public const string DefaultPolicyPath = "samples/policies/default.yaml";
    public const string DefaultDocsPath = "samples/docs";
    public const string DefaultNightlySchedule = "0 0 2 * * *";

    /// <summary>
    /// The storage connection string; null when the connection is identity-based (<c>AzureWebJobsStorage__accountName</c> or
    /// <c>__tableServiceUri</c>/<c>__queueServiceUri</c>), which the storage wiring reads itself.
    /// </summary>
    public string? Storage { get; init; } = DefaultStorage;

    /// <summary>The raw <c>tenant:key,…</c> list, or null when none is set.</summary>
    public string? ApiKeys { get; init; }

    public StorageNames Names { get; init; } = StorageNames.Create(null);

    public string PolicyPath { get; init; } = DefaultPolicyPath;

    public string DocsPath { get; init; } = DefaultDocsPath;

    /// <summary>Folder for generated data (the sample shop database), or null for the default.</summary>
    public string? DataPath { get; init; }

    public TimeSpan RunDeadline { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan SweepAfter { get; init; } = TimeSpan.FromMinutes(2);

    public CronSchedule NightlySchedule { get; init; } = CronSchedule.Parse(DefaultNightlySchedule);

    /// <summary>Reads the settings through <paramref name="getSetting"/> (null or blank means "not set": the default applies).</summary>
    /// <exception cref="FormatException">A setting is malformed; the message names it.</exception>
    public static FunctionAgentsSettings FromSettings(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        string? Get(string name) => getSetting(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        return new FunctionAgentsSettings
        {
            Storage = Get(SettingNames.Storage)
                ?? ((Get(SettingNames.Storage + "__accountName") ?? Get(SettingNames.Storage + "__tableServiceUri")) is null ? DefaultStorage : null),
            ApiKeys = Get(SettingNames.ApiKeys),
            Names = StorageNames.Create(Get(SettingNames.StoragePrefix), Get(SettingNames.JournalTable) ?? TableNames.Journal),
            PolicyPath = Get(SettingNames.PolicyPath) ?? DefaultPolicyPath,
            DocsPath = Get(SettingNames.DocsPath) ?? DefaultDocsPath,
            DataPath = Get(SettingNames.DataPath),
            RunDeadline = Duration(SettingNames.RunDeadline, Get(SettingNames.RunDeadline)) ?? TimeSpan.FromHours(1),
            SweepAfter = Duration(SettingNames.SweepAfter, Get(SettingNames.SweepAfter)) ?? TimeSpan.FromMinutes(2),
            NightlySchedule = Schedule(Get(SettingNames.NightlySchedule) ?? DefaultNightlySchedule),
        };
    }

    /// <summary>Parses an ISO 8601 duration such as <c>PT2M</c>; it must be positive.</summary>
    public static TimeSpan? Duration(string setting, string? value)
    {
        if (value is null)
        {
            return null;
        }

        TimeSpan parsed;
        try
        {
            parsed = XmlConvert.ToTimeSpan(value);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{setting} '{value}' is not an ISO 8601 duration such as PT2M or PT1H.", ex);
        }

        return parsed > TimeSpan.Zero ? parsed : throw new FormatException($"{setting} '{value}' must be a positive duration.");
    }

    private static CronSchedule Schedule(string value)
    {
        try
        {
            return CronSchedule.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{SettingNames.NightlySchedule}: {ex.Message}", ex);
        }
    }
}
