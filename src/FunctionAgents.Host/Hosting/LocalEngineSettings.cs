using System.Globalization;
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Durable.AzureStorage;

namespace FunctionAgents.Host.Hosting;

/// <summary>
/// The <c>FA_DURABLE_*</c> settings of the local task hub and the host's shutdown bound. Each maps to a
/// <see cref="LocalTaskHubOptions"/> property and to a <c>host.json</c> key of the Functions app (docs/durable.md).
/// </summary>
internal static class LocalEngineSettings
{
    public const string PartitionCount = "FA_DURABLE_PARTITION_COUNT";
    public const string WorkerId = "FA_DURABLE_WORKER_ID";
    public const string MaxActivities = "FA_DURABLE_MAX_ACTIVITIES";
    public const string MaxOrchestrations = "FA_DURABLE_MAX_ORCHESTRATIONS";
    public const string ExtendedSessions = "FA_DURABLE_EXTENDED_SESSIONS";
    public const string ControlQueueBatchSize = "FA_DURABLE_CONTROL_QUEUE_BATCH_SIZE";
    public const string MaxPollingInterval = "FA_DURABLE_MAX_POLLING_INTERVAL";
    public const string LeaseInterval = "FA_DURABLE_LEASE_INTERVAL";
    public const string VisibilityTimeout = "FA_DURABLE_VISIBILITY_TIMEOUT";

    /// <summary>How long the host may take to stop after SIGTERM, ISO 8601; default <c>PT10S</c>.</summary>
    public const string ShutdownTimeout = "FA_SHUTDOWN_TIMEOUT";

    /// <summary>Applies every setting that is set to <paramref name="options"/>.</summary>
    /// <exception cref="FormatException">A value is malformed or out of range; the message names the setting and what is allowed.</exception>
    public static LocalTaskHubOptions Apply(LocalTaskHubOptions options, Func<string, string?> getSetting)
    {
        string? Get(string name) => SettingValue.Get(getSetting, name);
        return options with
        {
            PartitionCount = Int(PartitionCount, Get(PartitionCount), 1, LocalTaskHubOptions.MaxPartitionCount) ?? options.PartitionCount,
            WorkerId = Get(WorkerId) ?? options.WorkerId,
            MaxConcurrentActivities = Int(MaxActivities, Get(MaxActivities), 1, 10_000) ?? options.MaxConcurrentActivities,
            MaxConcurrentOrchestrations = Int(MaxOrchestrations, Get(MaxOrchestrations), 1, 10_000) ?? options.MaxConcurrentOrchestrations,
            ExtendedSessions = Bool(ExtendedSessions, Get(ExtendedSessions)) ?? options.ExtendedSessions,
            ControlQueueBatchSize = Int(ControlQueueBatchSize, Get(ControlQueueBatchSize), 1, 32) ?? options.ControlQueueBatchSize,
            MaxQueuePollingInterval = SettingValue.Duration(MaxPollingInterval, Get(MaxPollingInterval)) ?? options.MaxQueuePollingInterval,
            LeaseInterval = SettingValue.Duration(LeaseInterval, Get(LeaseInterval)) ?? options.LeaseInterval,
            MessageVisibilityTimeout = SettingValue.Duration(VisibilityTimeout, Get(VisibilityTimeout)) ?? options.MessageVisibilityTimeout,
            ShutdownTimeout = SettingValue.Duration(ShutdownTimeout, Get(ShutdownTimeout)) ?? options.ShutdownTimeout,
        };
    }

    private static int? Int(string setting, string? value, int min, int max)
    {
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new FormatException($"{setting} '{value}' must be a whole number from {min} to {max}.");
    }

    private static bool? Bool(string setting, string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"{setting} '{value}' must be true or false."),
    };
}
