using System.Collections.Concurrent;
using System.Text;

namespace FunctionAgents.Runtime.Evaluation.Judging;

/// <summary>
/// A versioned judge prompt under <c>prompts/judge/</c>, embedded in this assembly: front matter with
/// <c>version:</c>, a <c>## system</c> and a <c>## user</c> section with <c>{{name}}</c> placeholders.
/// </summary>
public sealed class JudgePrompt
{
    private static readonly ConcurrentDictionary<string, JudgePrompt> Cache = new(StringComparer.Ordinal);

    private JudgePrompt(string version, string system, string user)
    {
        Version = version;
        System = system;
        User = user;
    }

    /// <summary>The prompt's version, equal to its path, e.g. <c>judge/step-success/v1</c>.</summary>
    public string Version { get; }

    public string System { get; }

    public string User { get; }

    /// <summary>Loads <c>prompts/&lt;name&gt;.md</c>, e.g. <c>judge/step-success/v1</c>.</summary>
    /// <exception cref="ArgumentException">No such prompt is embedded.</exception>
    /// <exception cref="FormatException">The file is malformed or its version differs from its path.</exception>
    public static JudgePrompt Load(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Cache.GetOrAdd(name, Read);
    }

    /// <summary>The user message with every placeholder replaced.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder(User);
        foreach (var (key, value) in values)
        {
            text.Replace("{{" + key + "}}", value);
        }

        return text.ToString();
    }

    private static JudgePrompt Read(string name)
    {
        var assembly = typeof(JudgePrompt).Assembly;
        using var stream = assembly.GetManifestResourceStream($"prompts/{name}.md")
            ?? throw new ArgumentException($"No judge prompt named '{name}' is embedded.", nameof(name));
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().ReplaceLineEndings("\n").Split('\n');
        string? version = null;
        var sections = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        StringBuilder? current = null;
        var inFrontMatter = lines.Length > 0 && lines[0] == "---";
        for (var i = inFrontMatter ? 1 : 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (inFrontMatter)
            {
                if (line == "---")
                {
                    inFrontMatter = false;
                }
                else if (line.StartsWith("version:", StringComparison.Ordinal))
                {
                    version = line["version:".Length..].Trim();
                }

                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = sections[line[3..].Trim()] = new StringBuilder();
                continue;
            }

            current?.Append(line).Append('\n');
        }

        if (version != name)
        {
            throw new FormatException($"Judge prompt {name} declares version '{version}'; it must equal its path.");
        }

        return sections.TryGetValue("system", out var system) && sections.TryGetValue("user", out var user)
            ? new JudgePrompt(version, system.ToString().Trim(), user.ToString().Trim())
            : throw new FormatException($"Judge prompt {name} needs a '## system' and a '## user' section.");
    }
}
