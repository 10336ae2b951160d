using FunctionAgents.Azure.DependencyInjection;

namespace FunctionAgents.Azure.Content;

/// <summary>
/// The files the runtime reads and the folder it writes generated data to. Relative paths resolve through
/// <see cref="ContentPaths.Resolve"/>: against the host's content root, then the repository root.
/// </summary>
public sealed record ContentSettings
{
    /// <summary>The policy YAML file; default <see cref="DefaultPolicyPath"/>.</summary>
    public const string PolicyPathSetting = "FA_POLICY_PATH";

    /// <summary>The markdown corpus search_docs reads; default <see cref="DefaultDocsPath"/>.</summary>
    public const string DocsPathSetting = "FA_DOCS_PATH";

    /// <summary>Folder for generated local data such as the sample shop database; default a folder under the system temp path.</summary>
    public const string DataPathSetting = "FA_DATA_PATH";

    public const string DefaultPolicyPath = "samples/policies/default.yaml";
    public const string DefaultDocsPath = "samples/docs";

    public string PolicyPath { get; init; } = DefaultPolicyPath;

    public string DocsPath { get; init; } = DefaultDocsPath;

    /// <summary>Folder for generated data (the sample shop database, local key files), or null for the default.</summary>
    public string? DataPath { get; init; }

    /// <summary>The folder generated data goes to: <see cref="DataPath"/>, or <c>functionagents</c> under the system temp path.</summary>
    public string DataFolder => DataPath ?? Path.Combine(Path.GetTempPath(), "functionagents");

    /// <summary>Reads the content settings; a blank value means "not set".</summary>
    public static ContentSettings FromSettings(Func<string, string?> getSetting) => new()
    {
        PolicyPath = SettingValue.Get(getSetting, PolicyPathSetting) ?? DefaultPolicyPath,
        DocsPath = SettingValue.Get(getSetting, DocsPathSetting) ?? DefaultDocsPath,
        DataPath = SettingValue.Get(getSetting, DataPathSetting),
    };
}
