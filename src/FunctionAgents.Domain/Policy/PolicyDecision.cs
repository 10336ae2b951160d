namespace FunctionAgents.Domain.Policy;

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
