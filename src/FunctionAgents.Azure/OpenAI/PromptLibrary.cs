using System.Collections.Concurrent;
using System.Reflection;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// The prompt files under the repository's <c>prompts/</c> folder, embedded in this assembly (see the project file),
/// so the version recorded for a call is always that of the text the running code rendered.
/// </summary>
internal static class PromptLibrary
{
    private const string Prefix = "prompts/";
    private const string Extension = ".md";

    private static readonly Assembly Source = typeof(PromptLibrary).Assembly;
    private static readonly ConcurrentDictionary<string, PromptTemplate> Cache = new(StringComparer.Ordinal);

    /// <summary>Every embedded prompt name, e.g. <c>planner/v1</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Source.GetManifestResourceNames()
        .Select(resource => resource.Replace('\\', '/'))
        .Where(resource => resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(Extension, StringComparison.Ordinal))
        .Select(resource => resource[Prefix.Length..^Extension.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Loads a prompt by name, e.g. <c>planner/v1</c>.</summary>
    /// <exception cref="ArgumentException">No such prompt is embedded.</exception>
    /// <exception cref="FormatException">The file is malformed or its version differs from its name.</exception>
    public static PromptTemplate Load(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Cache.GetOrAdd(name, Read);
    }

    private static PromptTemplate Read(string name)
    {
        var resource = Source.GetManifestResourceNames()
            .FirstOrDefault(r => string.Equals(r.Replace('\\', '/'), Prefix + name + Extension, StringComparison.Ordinal))
            ?? throw new ArgumentException(
                $"No prompt named '{name}'; embedded prompts: {string.Join(", ", Names)}.", nameof(name));
        using var stream = Source.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var template = PromptTemplate.Parse(name, reader.ReadToEnd());

        // A copied file that keeps its old version would record the wrong prompt in every journal.
        return template.Version == name
            ? template
            : throw new FormatException($"Prompt {name} declares version '{template.Version}'; it must equal its path, '{name}'.");
    }
}
