using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FunctionAgents.Domain.Policy;

/// <summary>
/// Reads a policy file into a <see cref="PolicyEngine"/>, collecting every problem with its line and column.
/// Either the whole file loads or nothing does.
/// </summary>
internal sealed partial class PolicyParser
{
    /// <summary>Approval settings of a require_human_approval rule without an <c>approval</c> block.</summary>
    public static readonly ApprovalSettings DefaultApproval = new(TimeSpan.FromHours(24), PolicyAction.Deny);

    private static readonly string[] TopKeys = ["version", "default", "rules"];

    private readonly List<PolicyLoadError> _errors = [];
    private readonly TimeSpan _regexTimeout;

    private PolicyParser(TimeSpan regexTimeout)
    {
        _regexTimeout = regexTimeout;
    }

    /// <exception cref="PolicyLoadException">The file has one or more problems.</exception>
    public static PolicyEngine Parse(string yamlText, string sourceName, PolicyLoadOptions options)
    {
        var parser = new PolicyParser(options.RegexMatchTimeout);
        var engine = parser.ParseDocument(yamlText, sourceName);
        if (parser._errors.Count > 0 || engine is null)
        {
            var ordered = parser._errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();
            throw new PolicyLoadException(sourceName, ordered);
        }

        return engine;
    }

    private PolicyEngine? ParseDocument(string yamlText, string sourceName)
    {
        var root = LoadRoot(yamlText);
        if (root is null)
        {
            return null;
        }

        if (root is not YamlMappingNode top)
        {
            Error(root, "the top level must be a mapping with version, default and rules");
            return null;
        }

        var entries = Known(top, TopKeys, "the top level");
        var declaredVersion = string.Empty;
        if (entries.TryGetValue("version", out var version))
        {
            declaredVersion = Scalar(version.Value, "version") ?? string.Empty;
        }
        else
        {
            Error(top, "missing required key 'version'");
        }

        var defaultAction = PolicyAction.Deny;
        if (entries.TryGetValue("default", out var defaultEntry) && Scalar(defaultEntry.Value, "default") is { } defaultText)
        {
            if (defaultText == PolicyActionText.Allow)
            {
                defaultAction = PolicyAction.Allow;
            }
            else if (defaultText != PolicyActionText.Deny)
            {
                Error(defaultEntry.Value, $"default must be allow or deny, got '{defaultText}'");
            }
        }

        var rules = new List<CompiledRule>();
        if (!entries.TryGetValue("rules", out var rulesEntry))
        {
            Error(top, "missing required key 'rules' (write rules: [] for a policy that only has a default)");
        }
        else if (rulesEntry.Value is not YamlSequenceNode ruleNodes)
        {
            Error(rulesEntry.Value, "rules must be a list of rules");
        }
        else
        {
            var firstLineByName = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var ruleNode in ruleNodes.Children)
            {
                if (ParseRule(ruleNode, firstLineByName) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        return _errors.Count > 0
            ? null
            : new PolicyEngine(sourceName, PolicyNormalizer.Version(root), declaredVersion, defaultAction, rules, _regexTimeout);
    }

    private YamlNode? LoadRoot(string yamlText)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException ex)
        {
            _errors.Add(new PolicyLoadError(ToInt(ex.Start.Line), ToInt(ex.Start.Column), $"not valid YAML: {ex.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            _errors.Add(new PolicyLoadError(1, 1, "the policy is empty"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode, "a policy file holds one YAML document; found another one");
        }

        return stream.Documents[0].RootNode;
    }

    private void Error(YamlNode node, string message) =>
        _errors.Add(new PolicyLoadError(ToInt(node.Start.Line), ToInt(node.Start.Column), message));

    private static int Line(YamlNode node) => ToInt(node.Start.Line);

    private static int ToInt(long position) => (int)Math.Clamp(position, 1, int.MaxValue);
}
