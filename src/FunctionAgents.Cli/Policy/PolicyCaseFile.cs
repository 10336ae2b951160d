using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Cli.Policy;

/// <summary>
/// Reads a policy cases file (samples/policies/default.cases.yaml shows the format): a top-level <c>cases</c> list
/// whose items have <c>name</c>, <c>tool</c>, optional <c>input</c> and <c>metrics</c>, and <c>expect</c>. Every
/// problem is reported with its line; a file with problems is refused whole.
/// </summary>
internal static class PolicyCaseFile
{
    private static readonly string[] CaseKeys = ["name", "tool", "input", "metrics", "expect"];
    private static readonly string[] MetricKeys = ["tool_calls", "tickets_created", "emails_sent", "cost_usd", "steps_executed"];

    /// <exception cref="CliException">The file has problems (exit 2, every problem listed with its line).</exception>
    public static IReadOnlyList<PolicyCase> Read(string text, string sourceName)
    {
        var problems = new List<string>();
        var cases = new List<PolicyCase>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw CliException.Usage($"{sourceName}:{ex.Start.Line}: not valid YAML: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("cases"), out var list) || list is not YamlSequenceNode items)
        {
            throw CliException.Usage($"{sourceName}:1: expected a top-level 'cases:' list");
        }

        foreach (var item in items.Children)
        {
            if (Case(item, sourceName, problems) is { } parsed)
            {
                cases.Add(parsed);
            }
        }

        if (problems.Count > 0)
        {
            throw CliException.Usage(string.Join("; ", problems));
        }

        return cases;
    }

    private static PolicyCase? Case(YamlNode node, string source, List<string> problems)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode mapping)
        {
            problems.Add($"{source}:{line}: a case is a mapping with name, tool, input, metrics and expect");
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!CaseKeys.Contains(name))
            {
                problems.Add($"{source}:{key.Start.Line}: unknown key '{name}' (a case has {string.Join(", ", CaseKeys)})");
                continue;
            }

            values[name] = value;
        }

        var caseName = Scalar(values, "name");
        var tool = Scalar(values, "tool");
        var expect = Scalar(values, "expect");
        if (caseName is null || tool is null || expect is null)
        {
            problems.Add($"{source}:{line}: a case needs name, tool and expect");
            return null;
        }

        if (!TryAction(expect, out var action))
        {
            problems.Add($"{source}:{values["expect"].Start.Line}: expect '{expect}' is not allow, deny or require_human_approval");
            return null;
        }

        var input = values.TryGetValue("input", out var inputNode) ? YamlJson.ToJson(inputNode) : YamlJson.ToJson(new YamlMappingNode());
        var metrics = values.TryGetValue("metrics", out var metricsNode) ? Metrics(metricsNode, source, problems) : RunMetrics.Empty;
        return metrics is null ? null : new PolicyCase(caseName, tool, input, metrics, action, line);
    }

    private static RunMetrics? Metrics(YamlNode node, string source, List<string> problems)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add($"{source}:{node.Start.Line}: metrics is a mapping of {string.Join(", ", MetricKeys)}");
            return null;
        }

        var metrics = RunMetrics.Empty;
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            var text = (value as YamlScalarNode)?.Value ?? string.Empty;
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) || number < 0)
            {
                problems.Add($"{source}:{value.Start.Line}: metric {name} must be a non-negative number, not '{text}'");
                continue;
            }

            var count = (int)number;
            metrics = name switch
            {
                "tool_calls" => metrics with { ToolCalls = count },
                "tickets_created" => metrics with { TicketsCreated = count },
                "emails_sent" => metrics with { EmailsSent = count },
                "cost_usd" => metrics with { CostUsd = number },
                "steps_executed" => metrics with { StepsExecuted = count },
                _ => Unknown(metrics, name, key, source, problems),
            };
        }

        return metrics;
    }

    private static RunMetrics Unknown(RunMetrics metrics, string name, YamlNode key, string source, List<string> problems)
    {
        problems.Add($"{source}:{key.Start.Line}: unknown metric '{name}' (known: {string.Join(", ", MetricKeys)})");
        return metrics;
    }

    private static string? Scalar(Dictionary<string, YamlNode> values, string key) =>
        values.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static bool TryAction(string text, out PolicyAction action)
    {
        (var known, action) = text switch
        {
            "allow" => (true, PolicyAction.Allow),
            "deny" => (true, PolicyAction.Deny),
            "require_human_approval" => (true, PolicyAction.RequireHumanApproval),
            _ => (false, PolicyAction.Deny),
        };
        return known;
    }

    public static string ActionText(PolicyAction action) => action switch
    {
        PolicyAction.Allow => "allow",
        PolicyAction.Deny => "deny",
        _ => "require_human_approval",
    };
}

/// <summary>One expected decision: a tool call (and the run's counters before it) and what the policy must decide.</summary>
/// <param name="Line">Where the case starts in its file.</param>
internal sealed record PolicyCase(string Name, string Tool, JsonElement Input, RunMetrics Metrics, PolicyAction Expect, int Line);
