using System.Globalization;
using System.Text.Json;

namespace FunctionAgents.Domain.Policy;

/// <summary>
/// A loaded policy: decides allow / require_human_approval / deny for proposed tool calls. Immutable and thread-safe;
/// evaluation is pure (no clock, no I/O). Create one with <see cref="PolicyLoader"/>.
/// </summary>
/// <remarks>
/// The decision is the most restrictive action among all matching rules (deny &gt; require_human_approval &gt; allow),
/// or the policy default when no rule matches. Every matching rule is listed, in file order. A rule whose
/// <c>matches_regex</c> check runs out of time counts as matching with action deny (fail closed).
/// </remarks>
public sealed class PolicyEngine : IPolicyEvaluator
{
    private readonly IReadOnlyList<CompiledRule> _rules;

    internal PolicyEngine(
        string sourceName,
        string version,
        string declaredVersion,
        PolicyAction defaultAction,
        IReadOnlyList<CompiledRule> rules,
        TimeSpan regexMatchTimeout)
    {
        SourceName = sourceName;
        Version = version;
        DeclaredVersion = declaredVersion;
        DefaultAction = defaultAction;
        _rules = rules;
        Rules = rules.Select(r => r.Description).ToArray();
        RegexMatchTimeout = regexMatchTimeout;
    }

    /// <summary>Lowercase hex SHA-256 of the policy's normalized content; unchanged by whitespace, comments and quoting.</summary>
    public string Version { get; }

    /// <summary>The file name or label the policy was loaded from.</summary>
    public string SourceName { get; }

    /// <summary>The file's own <c>version</c> value, a label for humans (the decision records <see cref="Version"/>).</summary>
    public string DeclaredVersion { get; }

    /// <summary>The action when no rule matches (the file's <c>default</c>; deny when absent).</summary>
    public PolicyAction DefaultAction { get; }

    /// <summary>The rules in evaluation (file) order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>How long one regex match may run before the rule is treated as a deny.</summary>
    public TimeSpan RegexMatchTimeout { get; }

    /// <summary>
    /// Decides on a proposed call of <paramref name="tool"/> with <paramref name="input"/>, given the run's counters
    /// <em>before</em> this call.
    /// </summary>
    public PolicyDecision Evaluate(string tool, JsonElement input, RunMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(metrics);
        var matches = new List<(PolicyRuleMatch Match, ApprovalSettings? Approval)>();
        foreach (var rule in _rules)
        {
            if (!rule.Matches(tool, input, metrics, out var timedOut))
            {
                continue;
            }

            var description = rule.Description;
            matches.Add(timedOut is null
                ? (new PolicyRuleMatch(description.Name, description.Action, description.Reason), description.Approval)
                : (new PolicyRuleMatch(description.Name, PolicyAction.Deny, TimeoutReason(timedOut)), null));
        }

        if (matches.Count == 0)
        {
            return new PolicyDecision(
                DefaultAction, [], $"no rule matched; policy default is {PolicyActionText.ToText(DefaultAction)}", Version, null);
        }

        var action = matches.Max(m => m.Match.Action);
        var deciding = matches.Where(m => m.Match.Action == action).ToList();
        var reason = string.Join("; ", deciding.Select(m => $"{m.Match.Name}: {m.Match.Reason}"));
        var approval = action == PolicyAction.RequireHumanApproval ? Strictest(deciding.Select(m => m.Approval!)) : null;
        return new PolicyDecision(action, matches.Select(m => m.Match).ToArray(), reason, Version, approval);
    }

    /// <summary>Several approval rules: the shortest timeout and the most restrictive outcome win.</summary>
    private static ApprovalSettings Strictest(IEnumerable<ApprovalSettings> settings) =>
        settings.Aggregate((a, b) => new ApprovalSettings(
            a.Timeout <= b.Timeout ? a.Timeout : b.Timeout,
            a.OnTimeout >= b.OnTimeout ? a.OnTimeout : b.OnTimeout));

    private string TimeoutReason(PolicyCondition condition) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"the regex check {condition} timed out after {RegexMatchTimeout.TotalMilliseconds} ms; treated as a deny (fail closed)");
}

/// <summary>How long a human has to decide, and what happens when nobody does.</summary>
public sealed record ApprovalSettings(TimeSpan Timeout, PolicyAction OnTimeout);

/// <summary>A rule that matched a tool call, with its action and reason.</summary>
public sealed record PolicyRuleMatch(string Name, PolicyAction Action, string Reason);

/// <summary>
/// The policy guard's verdict on one proposed tool call: the most restrictive matching action,
/// or the policy default when nothing matched.
/// </summary>
/// <param name="Matches">Every matching rule, in policy order.</param>
/// <param name="Reason">A readable justification (the deciding rules' reasons, or the default).</param>
/// <param name="PolicyVersion">SHA-256 of the policy file's normalized content.</param>
/// <param name="Approval">Set when <paramref name="Action"/> is <see cref="PolicyAction.RequireHumanApproval"/>.</param>
public sealed record PolicyDecision(
    PolicyAction Action,
    IReadOnlyList<PolicyRuleMatch> Matches,
    string Reason,
    string PolicyVersion,
    ApprovalSettings? Approval);
