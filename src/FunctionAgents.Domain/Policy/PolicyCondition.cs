namespace FunctionAgents.Domain.Policy;

/// <summary>One matcher of a rule's <c>when</c>, as written in the policy file (for tooling such as <c>fa policy show</c>).</summary>
/// <param name="Scope"><c>input</c> or <c>run_metrics</c>.</param>
/// <param name="Key">The key as written, e.g. <c>to_domain_not_in</c> or <c>tickets_created_gte</c>.</param>
/// <param name="Field">The input field (a dotted path) or the metric name, e.g. <c>to</c> or <c>tickets_created</c>.</param>
/// <param name="Operator">The operator, e.g. <c>domain_not_in</c> or <c>gte</c>.</param>
/// <param name="Value">The operand as text: a single value, or a list as <c>[a, b]</c>.</param>
/// <param name="Line">1-based line of the key in the policy file.</param>
public sealed record PolicyCondition(string Scope, string Key, string Field, string Operator, string Value, int Line)
{
    /// <summary>Reads like the policy file: <c>input.to_domain_not_in: [kestrelgoods.example]</c>.</summary>
    public override string ToString() => $"{Scope}.{Key}: {Value}";
}
