using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Domain.Policy;

internal sealed partial class PolicyParser
{
    /// <summary>
    /// The entries of a mapping whose keys must come from <paramref name="allowed"/>; every other key is reported.
    /// </summary>
    private Dictionary<string, (YamlNode Key, YamlNode Value)> Known(YamlMappingNode map, IReadOnlyList<string> allowed, string context)
    {
        var entries = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value, name) in Entries(map, context))
        {
            if (allowed.Contains(name, StringComparer.Ordinal))
            {
                entries[name] = (key, value);
            }
            else
            {
                Error(key, $"unknown key '{name}' in {context} (expected {string.Join(", ", allowed)})");
            }
        }

        return entries;
    }

    /// <summary>The entries of a mapping whose keys are plain scalars; other keys are reported and skipped.</summary>
    private IEnumerable<(YamlNode Key, YamlNode Value, string Name)> Entries(YamlMappingNode map, string context)
    {
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                yield return (key, value, name);
            }
            else
            {
                Error(key, $"keys in {context} must be plain names");
            }
        }
    }

    /// <summary>The text of a single value; reports lists and mappings.</summary>
    private string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Error(node, $"'{what}' must be a single value, not a {Kind(node)}");
        return null;
    }

    /// <summary>The texts of a non-empty list of single values; reports anything else.</summary>
    private List<string>? ScalarList(YamlNode node, string what)
    {
        if (node is not YamlSequenceNode sequence)
        {
            var example = node is YamlScalarNode { Value: { } text } ? text : "a, b";
            Error(node, $"'{what}' needs a list, e.g. [{example}]");
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            Error(node, $"'{what}' needs at least one value");
            return null;
        }

        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (Scalar(item, what + " item") is { } text)
            {
                values.Add(text);
            }
        }

        return values.Count == sequence.Children.Count ? values : null;
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    private static string Display(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";
}
