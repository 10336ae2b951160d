namespace FunctionAgents.Domain.Policy;

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
