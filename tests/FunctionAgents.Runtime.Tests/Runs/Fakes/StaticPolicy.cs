using System.Text.Json;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

/// <summary>A policy that decides by tool name only.</summary>
internal sealed class StaticPolicy : IPolicyEvaluator
{
    private readonly Dictionary<string, PolicyAction> _byTool;

    public StaticPolicy(Dictionary<string, PolicyAction>? byTool = null, ApprovalSettings? approval = null)
    {
        _byTool = byTool ?? [];
        Approval = approval ?? new ApprovalSettings(TimeSpan.FromHours(1), PolicyAction.Deny);
    }

    public ApprovalSettings Approval { get; }

    public string Version => "static-v1";

    public PolicyDecision Evaluate(string tool, JsonElement input, RunMetrics metrics)
    {
        var action = _byTool.GetValueOrDefault(tool, PolicyAction.Allow);
        var rule = new PolicyRuleMatch($"{tool}_rule", action, $"{tool} is {action}");
        return new PolicyDecision(action, [rule], rule.Reason, Version, action == PolicyAction.RequireHumanApproval ? Approval : null);
    }
}
