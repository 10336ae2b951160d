using System.Text;
using System.Text.RegularExpressions;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// One versioned prompt file: a front matter with <c>version:</c>, then sections introduced by <c>## name</c> lines
/// (<c>system</c>, <c>user</c>, <c>repair</c>). Sections hold <c>{{name}}</c> placeholders; anything else in braces,
/// such as <c>{{steps.&lt;id&gt;.output}}</c>, is literal text.
/// </summary>
internal sealed partial class PromptTemplate
{
    private readonly IReadOnlyDictionary<string, string> _sections;

    private PromptTemplate(string name, string version, IReadOnlyDictionary<string, string> sections)
    {
        Name = name;
        Version = version;
        _sections = sections;
    }

    /// <summary>The file's path under <c>prompts/</c> without extension, e.g. <c>planner/v1</c>.</summary>
    public string Name { get; }

    /// <summary>The front matter's version, recorded in ModelCalled and PlanGenerated.</summary>
    public string Version { get; }

    public IEnumerable<string> SectionNames => _sections.Keys;

    /// <exception cref="FormatException">No front matter, no version, or no sections.</exception>
    public static PromptTemplate Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new FormatException($"Prompt {name} must start with a '---' front matter.");
        }

        var end = Array.FindIndex(lines, 1, line => line.Trim() == "---");
        if (end < 0)
        {
            throw new FormatException($"Prompt {name} has no closing '---' after its front matter.");
        }

        var version = lines[1..end]
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == "version")
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
        if (string.IsNullOrEmpty(version))
        {
            throw new FormatException($"Prompt {name} has no 'version:' in its front matter.");
        }

        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var body = new StringBuilder();
        foreach (var line in lines[(end + 1)..])
        {
            var heading = SectionHeading().Match(line);
            if (heading.Success)
            {
                Close(name, sections, current, body);
                current = heading.Groups["name"].Value;
                continue;
            }

            if (current is not null)
            {
                body.Append(line).Append('\n');
            }
        }

        Close(name, sections, current, body);
        return sections.Count > 0
            ? new PromptTemplate(name, version, sections)
            : throw new FormatException($"Prompt {name} has no '## <section>' lines.");
    }

    /// <summary>Fills one section's placeholders. Values are inserted as they are and never scanned again.</summary>
    /// <exception cref="InvalidOperationException">The section is missing or a placeholder has no value.</exception>
    public string Render(string section, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!_sections.TryGetValue(section, out var template))
        {
            throw new InvalidOperationException($"Prompt {Name} has no '{section}' section.");
        }

        return Placeholder().Replace(template, match => values.TryGetValue(match.Groups["name"].Value, out var value)
            ? value
            : throw new InvalidOperationException($"Prompt {Name} section '{section}' needs a value for {{{{{match.Groups["name"].Value}}}}}."));
    }

    private static void Close(string name, Dictionary<string, string> sections, string? current, StringBuilder body)
    {
        if (current is not null && !sections.TryAdd(current, body.ToString().Trim('\n')))
        {
            throw new FormatException($"Prompt {name} repeats the '{current}' section.");
        }

        body.Clear();
    }

    [GeneratedRegex(@"^##\s+(?<name>[a-z]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"\{\{(?<name>[A-Za-z][A-Za-z0-9]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
