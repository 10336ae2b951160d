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
