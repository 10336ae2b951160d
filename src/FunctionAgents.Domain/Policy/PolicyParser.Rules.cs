using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Domain.Policy;

internal sealed partial class PolicyParser
{
    private static readonly string[] RuleKeys = ["name", "when", "action", "reason", "approval"];
    private static readonly string[] WhenKeys = ["tool", "input", "run_metrics"];

    private CompiledRule? ParseRule(YamlNode node, Dictionary<string, int> firstLineByName)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "each rule must be a mapping with name, when and action");
            return null;
        }

        var errorsBefore = _errors.Count;
        var entries = Known(map, RuleKeys, "a rule");
        var name = ParseRuleName(map, entries, firstLineByName);
        var action = ParseAction(map, entries);
        var reason = entries.TryGetValue("reason", out var reasonEntry) ? Scalar(reasonEntry.Value, "reason") : null;
        var (tools, conditions) = entries.TryGetValue("when", out var when) ? ParseWhen(when.Value) : ([], []);

        ApprovalSettings? approval = null;
        if (entries.TryGetValue("approval", out var approvalEntry))
        {
            if (action is not null and not PolicyAction.RequireHumanApproval)
            {
                Error(approvalEntry.Key, "'approval' applies only to rules with action require_human_approval");
            }

            approval = ParseApproval(approvalEntry.Value);
        }

        if (_errors.Count > errorsBefore || name is null || action is not { } ruleAction)
        {
            return null;
        }

        approval = ruleAction == PolicyAction.RequireHumanApproval ? approval ?? DefaultApproval : null;
        var descriptions = conditions.Select(c => c.Description).ToArray();
        var rule = new PolicyRule(
            name,
            tools,
            descriptions,
            ruleAction,
            string.IsNullOrWhiteSpace(reason) ? DescribeRule(ruleAction, tools, descriptions) : reason,
            approval,
            Line(map));
        return new CompiledRule(rule, conditions);
    }

    private string? ParseRuleName(YamlMappingNode map, Dictionary<string, (YamlNode Key, YamlNode Value)> entries, Dictionary<string, int> firstLineByName)
    {
        if (!entries.TryGetValue("name", out var entry))
        {
            Error(map, "rule has no name");
            return null;
        }

        var name = Scalar(entry.Value, "name");
        if (name is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            Error(entry.Value, "rule name must not be empty");
            return null;
        }

        if (!firstLineByName.TryAdd(name, Line(entry.Value)))
        {
            Error(entry.Value, $"duplicate rule name '{name}' (first used on line {firstLineByName[name]})");
        }

        return name;
    }

    private PolicyAction? ParseAction(YamlMappingNode map, Dictionary<string, (YamlNode Key, YamlNode Value)> entries)
    {
        if (!entries.TryGetValue("action", out var entry))
        {
            Error(map, "rule has no action (allow, deny or require_human_approval)");
            return null;
        }

        if (Scalar(entry.Value, "action") is not { } text)
        {
            return null;
        }

        if (PolicyActionText.TryParse(text, out var action))
        {
            return action;
        }

        Error(entry.Value, $"unknown action '{text}' (expected allow, deny or require_human_approval)");
        return null;
    }

    private (IReadOnlyList<string> Tools, List<IRuleCondition> Conditions) ParseWhen(YamlNode node)
    {
        var conditions = new List<IRuleCondition>();
        if (node is not YamlMappingNode map)
        {
            Error(node, "'when' must be a mapping with tool, input and/or run_metrics");
            return ([], conditions);
        }

        var entries = Known(map, WhenKeys, "'when'");
        IReadOnlyList<string> tools = entries.TryGetValue("tool", out var tool) ? ParseTools(tool.Value) : [];
        if (entries.TryGetValue("input", out var input))
        {
            ParseConditions(input.Value, "input", ParseInputCondition, conditions);
        }

        if (entries.TryGetValue("run_metrics", out var metrics))
        {
            ParseConditions(metrics.Value, "run_metrics", ParseMetricCondition, conditions);
        }

        return (tools, conditions);
    }

    private List<string> ParseTools(YamlNode node)
    {
        // A list comes back whole or not at all, so names and nodes line up.
        var names = node is YamlSequenceNode ? ScalarList(node, "tool") ?? [] : Scalar(node, "tool") is { } one ? [one] : [];
        var nodes = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        foreach (var (name, nameNode) in names.Zip(nodes))
        {
            if (!IsToolName(name))
            {
                Error(nameNode, $"'{name}' is not a tool name (1-64 letters, digits, '_' or '-'; an MCP tool is <server>.<tool>)");
            }
        }

        return names;
    }

    private void ParseConditions(
        YamlNode node, string scope, Func<YamlNode, string, YamlNode, IRuleCondition?> parse, List<IRuleCondition> conditions)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, $"'{scope}' must be a mapping of matchers");
            return;
        }

        foreach (var (key, value, name) in Entries(map, $"'{scope}'"))
        {
            if (parse(key, name, value) is { } condition)
            {
                conditions.Add(condition);
            }
        }
    }

    /// <summary>A built-in tool's name, or an MCP tool's <c>&lt;server&gt;.&lt;tool&gt;</c> (two such names joined by one dot).</summary>
    private static bool IsToolName(string name) =>
        name.Split('.') is { Length: 1 or 2 } parts && parts.All(IsPlainToolName);

    private static bool IsPlainToolName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static string DescribeRule(PolicyAction action, IReadOnlyList<string> tools, IReadOnlyList<PolicyCondition> conditions)
    {
        var parts = new List<string>();
        if (tools.Count > 0)
        {
            parts.Add(tools.Count == 1 ? $"tool is {tools[0]}" : $"tool in {Display(tools)}");
        }

        parts.AddRange(conditions.Select(c => c.ToString()));
        var when = parts.Count == 0 ? "for every tool call" : "when " + string.Join(" and ", parts);
        return $"{PolicyActionText.ToText(action)} {when}";
    }
}
