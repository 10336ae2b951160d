using FunctionAgents.Azure.DependencyInjection;


namespace FunctionAgents.Azure.Privacy;

/// <summary>Where the local host keeps its key-encryption key when no KEK setting is given, so the CLI on the same machine finds it.</summary>
public static class LocalKekFile
{
    /// <summary><c>privacy-kek</c> in FA_DATA_PATH, else in a <c>functionagents</c> folder under the system temp path.</summary>
    public static string PathFor(FunctionAgentsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Path.Combine(settings.Content.DataFolder, "privacy-kek");
    }

    /// <summary>The local KEK file when it exists (a reader must never create a KEK it cannot open anything with).</summary>
    public static string? ExistingFor(FunctionAgentsSettings settings) =>
        File.Exists(PathFor(settings)) ? PathFor(settings) : null;
}
