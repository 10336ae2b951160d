using FunctionAgents.Azure.DependencyInjection;

namespace FunctionAgents.Azure.Storage;

/// <summary>Where the runtime stores its tables and queues: the connection and the deployment's names.</summary>
public sealed record StorageSettings
{
    /// <summary>Storage connection string or identity-based prefix; default <see cref="DefaultConnection"/>.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    /// <summary>Lowercase letters and digits put in front of every table and queue name (isolates tests and side-by-side deployments).</summary>
    public const string PrefixSetting = "FA_STORAGE_PREFIX";

    /// <summary>The journal table's base name; default <see cref="StorageNames.Tables.Journal"/>.</summary>
    public const string JournalTableSetting = "FA_JOURNAL_TABLE";

    /// <summary>Azurite's well-known development account.</summary>
    public const string DefaultConnection = "UseDevelopmentStorage=true";

    /// <summary>
    /// The storage connection string; null when the connection is identity-based (<c>AzureWebJobsStorage__accountName</c> or
    /// <c>__tableServiceUri</c>/<c>__queueServiceUri</c>), which the storage wiring reads itself.
    /// </summary>
    public string? Connection { get; init; } = DefaultConnection;

    public StorageNames Names { get; init; } = StorageNames.Create(null);

    /// <summary>Reads the storage settings; a blank value means "not set".</summary>
    /// <exception cref="FormatException">The prefix is malformed; the message names the setting.</exception>
    public static StorageSettings FromSettings(Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        // The identity-based settings are read only when there is no connection string, as the storage wiring does.
        var connection = SettingValue.Get(getSetting, ConnectionSetting);
        if (connection is null
            && SettingValue.Get(getSetting, ConnectionSetting + "__accountName") is null
            && SettingValue.Get(getSetting, ConnectionSetting + "__tableServiceUri") is null)
        {
            connection = DefaultConnection;
        }

        return new StorageSettings
        {
            Connection = connection,
            Names = StorageNames.Create(
                SettingValue.Get(getSetting, PrefixSetting), SettingValue.Get(getSetting, JournalTableSetting) ?? StorageNames.Tables.Journal),
        };
    }
}
