using System.Text.Json;
using FunctionAgents.Runtime.Tests.Forensics.Support;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Runtime.Tests.Forensics.Support.Desk;

/// <summary>Reads are allowed, tickets are allowed, mail outside the shop's domain needs a person, everything else is denied.</summary>
internal sealed class DeskPolicy : IPolicyEvaluator
{
    public string Version => ScriptedRun.PolicyVersion;

    public PolicyDecision Evaluate(string tool, JsonElement input, RunMetrics metrics)
    {
        var (action, rule, reason) = tool switch
        {
            "search_docs" => (PolicyAction.Allow, "allow_search_docs", "searching the documentation is read-only"),
            "create_ticket" => (PolicyAction.Allow, "allow_ticket_creation", "support tickets may be opened"),
            "send_email" when !input.GetProperty("to").GetString()!.EndsWith("@kestrelgoods.example", StringComparison.Ordinal) =>
                (PolicyAction.RequireHumanApproval, "deny_external_email_without_approval", "mail outside the shop needs a person"),
            "send_email" => (PolicyAction.Allow, "allow_internal_email", "internal mail is fine"),
            _ => (PolicyAction.Deny, "default_deny", "no rule allows this tool"),
        };
        return new PolicyDecision(
            action,
            [new PolicyRuleMatch(rule, action, reason)],
            reason,
            Version,
            action == PolicyAction.RequireHumanApproval ? new ApprovalSettings(TimeSpan.FromHours(4), PolicyAction.Deny) : null);
    }
}
