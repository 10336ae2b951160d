using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;

namespace FunctionAgents.Domain.Forensics.Explaining;

public static partial class EventExplainer
{
    private static Wording Proposed(ToolProposed p) => new(
        $"Proposed {p.Tool}",
        $"Step {p.StepId} proposes {ExplainText.Call(p.Tool, p.Input)} to {ExplainText.Quote(p.Objective)}",
        [Tag("tool", p.Tool), Tag("step", p.StepId)]);

    private static Wording Approved(ToolApproved p) => new(
        $"Policy allowed {p.Tool}",
        $"Policy allowed {p.Tool} for step {p.StepId} ({ExplainText.Rules(p.Rules)}, policy {ExplainText.ShortVersion(p.PolicyVersion)}): {p.Reason}",
        Decision(p.Tool, p.StepId, "allow", p.Rules, p.PolicyVersion));

    private static Wording Rejected(ToolRejected p)
    {
        // A rejection with neither rules nor a policy version comes from the runtime (e.g. an unresolvable input), not from policy.
        var byRuntime = p.Rules.Count == 0 && p.PolicyVersion.Length == 0;
        return byRuntime
            ? new($"Runtime refused {p.Tool}", $"The runtime refused {p.Tool} for step {p.StepId}: {p.Reason}", [Tag("tool", p.Tool), Tag("step", p.StepId), Tag("decision", "deny"), Tag("decided_by", "runtime")])
            : new(
                $"Policy denied {p.Tool}",
                $"Policy denied {p.Tool} for step {p.StepId} ({ExplainText.Rules(p.Rules)}, policy {ExplainText.ShortVersion(p.PolicyVersion)}): {p.Reason}",
                Decision(p.Tool, p.StepId, "deny", p.Rules, p.PolicyVersion));
    }

    private static Wording Executed(ToolExecuted p) => new(
        $"Executed {p.Tool}",
        $"Dispatched {ExplainText.Call(p.Tool, p.Input)} for step {p.StepId} (dispatch {p.DispatchId})",
        [Tag("tool", p.Tool), Tag("step", p.StepId), Tag("dispatch", p.DispatchId)]);

    private static Wording Observed(ObservationCaptured p)
    {
        var o = p.Observation;
        var truncated = o.Truncated ? ", output truncated" : string.Empty;
        if (o.Success)
        {
            var output = o.Output is { } value && value.ValueKind != JsonValueKind.Undefined ? $": {ExplainText.Quote(value.GetRawText())}" : string.Empty;
            return new(
                $"{p.Tool} returned",
                $"{p.Tool} succeeded for step {p.StepId} in {ExplainText.Number(o.LatencyMs)} ms{truncated}{output}",
                [Tag("tool", p.Tool), Tag("step", p.StepId), Tag("outcome", "success")]);
        }

        var code = o.Error?.Code ?? "unknown";
        return new(
            $"{p.Tool} failed",
            $"{p.Tool} failed for step {p.StepId} after {ExplainText.Number(o.LatencyMs)} ms with {code}: {o.Error?.Message ?? "no message"}{truncated}",
            [Tag("tool", p.Tool), Tag("step", p.StepId), Tag("outcome", "failure"), Tag("error", code)]);
    }

    private static List<EventTag> Decision(string tool, string stepId, string decision, IReadOnlyList<PolicyRuleMatch> rules, string policyVersion)
    {
        List<EventTag> tags = [Tag("tool", tool), Tag("step", stepId), Tag("decision", decision), Tag("decided_by", "policy")];
        tags.AddRange(rules.Select(r => Tag("rule", r.Name)));
        tags.Add(Tag("policy_version", policyVersion));
        return tags;
    }
}
