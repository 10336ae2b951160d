using System.Text.Json;

namespace FunctionAgents.Domain.Policy;

/// <summary>A compiled matcher of a rule's <c>when</c>. Immutable and thread-safe.</summary>
internal interface IRuleCondition
{
    PolicyCondition Description { get; }

    ConditionOutcome Evaluate(JsonElement input, RunMetrics metrics);
}

/// <summary>The result of one matcher against one tool call.</summary>
internal enum ConditionOutcome
{
    False,
    True,

    /// <summary>A regex ran out of time; the rule treats the matcher as true and escalates to deny.</summary>
    TimedOut,
}
