using System.Text.Json;

namespace FunctionAgents.Domain.Policy;

/// <summary>A loaded rule with its compiled matchers. Immutable and thread-safe.</summary>
internal sealed class CompiledRule
{
    private readonly HashSet<string> _tools;
    private readonly IReadOnlyList<IRuleCondition> _conditions;

    public CompiledRule(PolicyRule description, IReadOnlyList<IRuleCondition> conditions)
    {
        Description = description;
        _tools = new HashSet<string>(description.Tools, StringComparer.Ordinal);
        _conditions = conditions;
    }

    public PolicyRule Description { get; }

    /// <summary>
    /// Whether the rule matches the call: the tool is one of its tools (or it names none) and every matcher holds.
    /// Returns the first matcher whose regex timed out, if any, so the caller can escalate to deny.
    /// </summary>
    public bool Matches(string tool, JsonElement input, RunMetrics metrics, out PolicyCondition? timedOut)
    {
        timedOut = null;
        if (_tools.Count > 0 && !_tools.Contains(tool))
        {
            return false;
        }

        foreach (var condition in _conditions)
        {
            switch (condition.Evaluate(input, metrics))
            {
                case ConditionOutcome.False:
                    timedOut = null;
                    return false;
                case ConditionOutcome.TimedOut:
                    timedOut ??= condition.Description;
                    break;
                default:
                    break;
            }
        }

        return true;
    }
}

/// <summary>A loaded policy rule, as tooling shows it. Rules are evaluated in file order.</summary>
/// <param name="Tools">The tools the rule applies to; empty means every tool.</param>
/// <param name="Conditions">All must hold for the rule to match; empty means the rule matches every call of its tools.</param>
/// <param name="Reason">The rule's <c>reason</c>, or a generated one naming the rule when the file gives none.</param>
/// <param name="Approval">
/// Effective approval settings for <see cref="PolicyAction.RequireHumanApproval"/> rules (the file's block or the
/// defaults PT24H / deny); null for other actions.
/// </param>
/// <param name="Line">1-based line where the rule starts in the policy file.</param>
public sealed record PolicyRule(
    string Name,
    IReadOnlyList<string> Tools,
    IReadOnlyList<PolicyCondition> Conditions,
    PolicyAction Action,
    string Reason,
    ApprovalSettings? Approval,
    int Line);
