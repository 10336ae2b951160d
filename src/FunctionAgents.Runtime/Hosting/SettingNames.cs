namespace FunctionAgents.Runtime.Hosting;

/// <summary>The app settings both hosts read (environment variables locally, app settings in Azure).</summary>
public static class SettingNames
{
    /// <summary>Storage connection string or identity-based prefix; default <c>UseDevelopmentStorage=true</c>.</summary>
    public const string Storage = "AzureWebJobsStorage";

    /// <summary><c>tenant:key</c> pairs separated by commas.</summary>
    public const string ApiKeys = "FA_API_KEYS";

    /// <summary>The journal table's name; default <c>AgentEvents</c>.</summary>
    public const string JournalTable = "FA_JOURNAL_TABLE";

    /// <summary>The policy YAML file; default <c>samples/policies/default.yaml</c> (relative paths resolve against the content root, then the repository root).</summary>
    public const string PolicyPath = "FA_POLICY_PATH";

    /// <summary>How long a run may take, ISO 8601 duration; default <c>PT1H</c>.</summary>
    public const string RunDeadline = "FA_RUN_DEADLINE";

    /// <summary>How long an unfinished run may sit still before the sweeper re-enqueues it, ISO 8601; default <c>PT2M</c>.</summary>
    public const string SweepAfter = "FA_SWEEP_AFTER";

    /// <summary>Six-field NCRONTAB expression of the nightly job; default <c>0 0 2 * * *</c>.</summary>
    public const string NightlySchedule = "FA_NIGHTLY_SCHEDULE";

    /// <summary>Lowercase letters and digits put in front of every table and queue name (isolates tests and side-by-side deployments).</summary>
    public const string StoragePrefix = "FA_STORAGE_PREFIX";

    /// <summary>Folder for generated local data such as the sample shop database; default a folder under the system temp path.</summary>
    public const string DataPath = "FA_DATA_PATH";

    /// <summary>The markdown corpus search_docs reads; default <c>samples/docs</c>.</summary>
    public const string DocsPath = "FA_DOCS_PATH";
}
