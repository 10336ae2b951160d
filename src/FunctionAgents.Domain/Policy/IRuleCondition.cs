using System.Text.Json;

namespace FunctionAgents.Domain.Policy;

/// <summary>A compiled matcher of a rule's <c>when</c>. Immutable and thread-safe.</summary>
internal interface IRuleCondition
{
    PolicyCondition Description { get; }

    ConditionOutcome Evaluate(JsonElement input, RunMetrics metrics);
}
