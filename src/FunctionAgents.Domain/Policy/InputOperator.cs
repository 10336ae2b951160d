namespace FunctionAgents.Domain.Policy;

/// <summary>The operators of <c>input</c> matchers, written as the suffix of <c>&lt;field&gt;_&lt;operator&gt;</c>.</summary>
internal enum InputOperator
{
    EqualTo,
    NotEqualTo,
    In,
    NotIn,
    Contains,
    MatchesRegex,
    DomainIn,
    DomainNotIn,
    Gt,
    Gte,
    Lt,
    Lte,
    Exists,
    Missing,
}
