using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Domain.Evaluation.Sets;

/// <summary>
/// Reads an evaluation set from YAML text. Strict: an unknown field, a wrong type, a duplicate case id or a missing
/// goal is refused with the file, line and field named (<see cref="EvaluationSetException"/>), never ignored.
/// </summary>
public static class EvaluationSetLoader
{
    private static readonly string[] TopFields = ["name", "cases"];
    private static readonly string[] CaseFields = ["id", "goal", "metadata", "expect"];
    private static readonly string[] ExpectFields = ["tools", "facts", "forbidden", "status", "approvals"];
    private static readonly string[] Statuses = ["completed", "failed", "cancelled"];

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="source"/> names it in errors.</summary>
    public static EvaluationSet Load(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new EvaluationSetException(source, (int)ex.Start.Line, "(yaml)", ex.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new EvaluationSetException(source, 1, "(root)", "expected a mapping with name and cases");
        }

        var reader = new Reader(source);
        var top = reader.Fields(root, "(root)", TopFields);
        var name = reader.RequiredString(top, root, "name", "name");
        if (!top.TryGetValue("cases", out var casesNode) || casesNode is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            throw reader.Error(top.GetValueOrDefault("cases") ?? root, "cases", "expected a non-empty list of cases");
        }

        var cases = new List<EvaluationCase>(sequence.Children.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = reader.ReadCase(sequence.Children[i], $"cases[{i}]");
            if (!ids.Add(item.Id))
            {
                throw reader.Error(sequence.Children[i], $"cases[{i}].id", $"'{item.Id}' is used by an earlier case");
            }

            cases.Add(item);
        }

        return new EvaluationSet(name, source, cases);
    }

    private sealed class Reader(string source)
    {
        public EvaluationSetException Error(YamlNode node, string field, string reason) =>
            new(source, (int)node.Start.Line, field, reason);

        public Dictionary<string, YamlNode> Fields(YamlNode node, string path, string[] known)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(node, path, "expected a mapping");
            }

            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                var field = path == "(root)" ? name : $"{path}.{name}";
                if (Array.IndexOf(known, name) < 0)
                {
                    throw Error(key, field, $"unknown field (expected one of {string.Join(", ", known)})");
                }

                if (!fields.TryAdd(name, value))
                {
                    throw Error(key, field, "appears twice");
                }
            }

            return fields;
        }

        public string RequiredString(Dictionary<string, YamlNode> fields, YamlNode parent, string name, string field) =>
            OptionalString(fields, name, field) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
                ? text
                : throw Error(fields.GetValueOrDefault(name) ?? parent, field, "is required and must be a non-empty text");

        public string? OptionalString(Dictionary<string, YamlNode> fields, string name, string field)
        {
            if (!fields.TryGetValue(name, out var node))
            {
                return null;
            }

            return node is YamlScalarNode scalar ? scalar.Value : throw Error(node, field, "expected a text");
        }

        public List<string> Strings(Dictionary<string, YamlNode> fields, string name, string field)
        {
            if (!fields.TryGetValue(name, out var node))
            {
                return [];
            }

            if (node is not YamlSequenceNode list)
            {
                throw Error(node, field, "expected a list of texts");
            }

            var values = new List<string>(list.Children.Count);
            for (var i = 0; i < list.Children.Count; i++)
            {
                if (list.Children[i] is not YamlScalarNode { Value: { Length: > 0 } value } || string.IsNullOrWhiteSpace(value))
                {
                    throw Error(list.Children[i], $"{field}[{i}]", "expected a non-empty text");
                }

                values.Add(value);
            }

            return values;
        }

        public EvaluationCase ReadCase(YamlNode node, string path)
        {
            var fields = Fields(node, path, CaseFields);
            var id = RequiredString(fields, node, "id", $"{path}.id");
            var goal = RequiredString(fields, node, "goal", $"{path}.goal");
            Dictionary<string, string>? metadata = null;
            if (fields.TryGetValue("metadata", out var metaNode))
            {
                if (metaNode is not YamlMappingNode meta)
                {
                    throw Error(metaNode, $"{path}.metadata", "expected a mapping of texts");
                }

                metadata = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in meta.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                    metadata[name] = value is YamlScalarNode { Value: { } text } ? text : throw Error(value, $"{path}.metadata.{name}", "expected a text");
                }
            }

            var expect = fields.TryGetValue("expect", out var expectNode) ? ReadExpectation(expectNode, $"{path}.expect") : CaseExpectation.None;
            return new EvaluationCase(id, goal, metadata, expect, (int)node.Start.Line);
        }

        private CaseExpectation ReadExpectation(YamlNode node, string path)
        {
            var fields = Fields(node, path, ExpectFields);
            var tools = fields.ContainsKey("tools") ? Strings(fields, "tools", $"{path}.tools") : null;
            var status = OptionalString(fields, "status", $"{path}.status");
            if (status is not null && Array.IndexOf(Statuses, status) < 0)
            {
                throw Error(fields["status"], $"{path}.status", $"'{status}' is not one of {string.Join(", ", Statuses)}");
            }

            var approvals = OptionalString(fields, "approvals", $"{path}.approvals") ?? "approve";
            if (approvals is not ("approve" or "reject"))
            {
                throw Error(fields["approvals"], $"{path}.approvals", $"'{approvals}' is not approve or reject");
            }

            return new CaseExpectation(
                tools, Strings(fields, "facts", $"{path}.facts"), Strings(fields, "forbidden", $"{path}.forbidden"), status, approvals == "approve");
        }
    }
}
