using System.Text.Json;
using FunctionAgents.Azure.Content;
using Microsoft.Extensions.Configuration.Memory;

namespace FunctionAgents.Host.Hosting;

/// <summary>
/// The Functions convention for local settings: the <c>Values</c> of <c>local.settings.json</c> (content root first,
/// then the repository root) become settings, below environment variables and the command line.
/// </summary>
internal static class LocalSettingsFile
{
    public const string FileName = "local.settings.json";

    /// <summary>Adds the file's values as the lowest-priority source; returns the file used, or null when there is none.</summary>
    /// <exception cref="StartupFailedException">The file exists but is not JSON with a <c>Values</c> object of strings.</exception>
    public static string? AddTo(ConfigurationManager configuration, string contentRoot)
    {
        var candidates = new[] { contentRoot, ContentPaths.FindRepositoryRoot(contentRoot) }
            .Where(d => d is not null)
            .Select(d => Path.Combine(d!, FileName));
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Values", out var section))
            {
                foreach (var setting in section.EnumerateObject())
                {
                    values[setting.Name] = setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : setting.Value.GetRawText();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException)
        {
            throw new StartupFailedException($"{path} is not a valid settings file: {ex.Message}", ex);
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
        return path;
    }
}
