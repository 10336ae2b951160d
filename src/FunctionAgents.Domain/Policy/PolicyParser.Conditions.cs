using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Domain.Policy;

internal sealed partial class PolicyParser
{
    private IRuleCondition? ParseInputCondition(YamlNode keyNode, string key, YamlNode value)
    {
        if (!InputOperators.TrySplit(key, out var field, out var operatorText, out var op))
        {
            Error(keyNode, $"unknown operator in '{key}': write <field>_<operator> with operator one of {InputOperators.Names}");
            return null;
        }

        if (field.Split('.').Any(segment => segment.Length == 0))
        {
            Error(keyNode, $"field path '{field}' in '{key}' has an empty segment");
            return null;
        }

        PolicyCondition Describe(string shown) => new("input", key, field, operatorText, shown, Line(keyNode));

        switch (op)
        {
            case InputOperator.In or InputOperator.NotIn:
                return ScalarList(value, key) is { } list ? new InputCondition(Describe(Display(list)), op, list: list) : null;
            case InputOperator.DomainIn or InputOperator.DomainNotIn:
                return ParseDomains(value, key) is { } domains ? new InputCondition(Describe(Display(domains)), op, list: domains) : null;
            default:
                break;
        }

        if (Scalar(value, key) is not { } text)
        {
            return null;
        }

        switch (op)
        {
            case InputOperator.MatchesRegex:
                return CompileRegex(value, key, text) is { } regex ? new InputCondition(Describe(text), op, text, regex: regex) : null;
            case InputOperator.Gt or InputOperator.Gte or InputOperator.Lt or InputOperator.Lte:
                if (InputValues.TryParseNumber(text, out var number))
                {
                    return new InputCondition(Describe(text), op, text, number: number);
                }

                Error(value, $"'{key}' needs a number, got '{text}'");
                return null;
            case InputOperator.Exists or InputOperator.Missing:
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return new InputCondition(Describe("true"), op);
                }

                var opposite = op == InputOperator.Exists ? "missing" : "exists";
                Error(value, $"'{key}' takes true; to test the opposite write {field}_{opposite}: true");
                return null;
            default:
                return new InputCondition(Describe(text), op, text);
        }
    }

    private IRuleCondition? ParseMetricCondition(YamlNode keyNode, string key, YamlNode value)
    {
        var op = RunMetricCondition.Operators.FirstOrDefault(o => key.Length > o.Length + 1 && key.EndsWith("_" + o, StringComparison.Ordinal));
        if (op is null)
        {
            Error(keyNode, $"unknown operator in run_metrics key '{key}': write <metric>_<gt|gte|lt|lte>");
            return null;
        }

        var metric = key[..^(op.Length + 1)];
        if (!RunMetricCondition.Metrics.ContainsKey(metric))
        {
            Error(keyNode, $"unknown run metric '{metric}' (known: {string.Join(", ", RunMetricCondition.Metrics.Keys)})");
            return null;
        }

        if (Scalar(value, key) is not { } text)
        {
            return null;
        }

        if (!InputValues.TryParseNumber(text, out var threshold))
        {
            Error(value, $"'{key}' needs a number, got '{text}'");
            return null;
        }

        return new RunMetricCondition(new PolicyCondition("run_metrics", key, metric, op, text, Line(keyNode)), threshold);
    }

    private Regex? CompileRegex(YamlNode node, string key, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, _regexTimeout);
        }
        catch (ArgumentException ex)
        {
            Error(node, $"invalid regular expression in '{key}': {ex.Message}");
            return null;
        }
    }

    private List<string>? ParseDomains(YamlNode node, string key)
    {
        if (ScalarList(node, key) is not { } list)
        {
            return null;
        }

        var domains = new List<string>();
        var items = ((YamlSequenceNode)node).Children;
        for (var i = 0; i < list.Count; i++)
        {
            var domain = DomainMatching.Normalize(list[i].Trim());
            if (domain.Length == 0 || !domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') || domain.Contains("..", StringComparison.Ordinal))
            {
                Error(items[i], $"'{list[i]}' is not a domain name (write e.g. kestrelgoods.example; subdomains match automatically)");
                continue;
            }

            domains.Add(domain);
        }

        return domains.Count == list.Count ? domains : null;
    }
}
