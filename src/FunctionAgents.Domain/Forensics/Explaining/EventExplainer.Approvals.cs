using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Domain.Forensics.Explaining;

public static partial class EventExplainer
{
    private static Wording ApprovalNeeded(ApprovalRequested p) => new(
        $"Approval required for {p.Tool}",
        $"Policy required approval for {ExplainText.Call(p.Tool, p.Input)} ({ExplainText.Rules(p.Rules)}, policy {ExplainText.ShortVersion(p.PolicyVersion)}); " +
        $"a human has until {ExplainText.Time(p.ExpiresAt)}, then it is {Outcome(p.OnTimeout)}",
        Decision(p.Tool, p.StepId, "require_human_approval", p.Rules, p.PolicyVersion));

    private static Wording Human(string stepId, string approver, string? comment, bool approved)
    {
        var verb = approved ? "approved" : "rejected";
        var said = comment is { Length: > 0 } ? $": \"{ExplainText.Quote(comment)}\"" : " without a comment";
        return new(
            $"{approver} {verb} step {stepId}",
            $"{approver} {verb} the tool call of step {stepId}{said}",
            [Tag("step", stepId), Tag("decision", approved ? "allow" : "deny"), Tag("decided_by", "human"), Tag("approver", approver)]);
    }

    private static Wording Expired(ApprovalExpired p) => new(
        "Approval expired",
        $"Nobody decided step {p.StepId} before the deadline, so policy's on_timeout {(p.Outcome == PolicyAction.Allow ? "allowed" : "denied")} it",
        [Tag("step", p.StepId), Tag("decision", p.Outcome == PolicyAction.Allow ? "allow" : "deny"), Tag("decided_by", "timeout")]);

    private static string Outcome(PolicyAction onTimeout) => onTimeout == PolicyAction.Allow ? "allowed" : "denied";
}
