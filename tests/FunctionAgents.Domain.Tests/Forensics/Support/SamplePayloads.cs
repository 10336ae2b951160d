using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tests.Forensics.Support;

namespace FunctionAgents.Domain.Tests.Forensics.Support;

/// <summary>One realistic payload of every event type, keyed by its journal name.</summary>
internal static class SamplePayloads
{
    public static IReadOnlyDictionary<string, EventPayload> ByType { get; } = Build();

    public static RunEvent Seal(EventPayload payload, string actor = Actors.Orchestrator) =>
        EventSealer.Seal(new RunIdentity("run-sample", "tenant-a", "corr-a", "00-0-0-01"), 7, EventHasher.GenesisHash, ScriptedRun.DefaultStart, [new EventDraft(actor, payload, 6)])[0];

    private static Dictionary<string, EventPayload> Build()
    {
        var rules = new[] { new PolicyRuleMatch("deny_external_email_without_approval", PolicyAction.RequireHumanApproval, "external mail needs a person") };
        var emailInput = ScriptedRun.Json("""{"to":"a@external.example","subject":"Your refund","body":"Hello"}""");
        EventPayload[] payloads =
        [
            new RunStarted("Refund order 1042 and tell the customer", 6, 0.5m, ScriptedRun.DefaultStart.AddHours(1), "http", "key-1", new Dictionary<string, string> { ["user"] = "u1" }),
            new MemoryRetrieved("order 1042", ["prior ticket T-9"], ["tickets"]),
            ScriptedRun.Model(),
            new PlanGenerated(new AgentPlan("run-sample", "refund", 6, 0.5m, [new PlanStep("s1", "find the order", "query_sql", ScriptedRun.Json("""{"sql":"select 1"}"""), "a row")], ["done"]), "gpt4o-prod", "plan-v3"),
            new PlanRejected([new PlanViolation("$.steps[0].tool", "is not a registered tool")], "gpt4o-prod", "{}"),
            new ToolProposed("s2", "send_email", emailInput, "tell the customer"),
            new ToolApproved("s1", "query_sql", [new PolicyRuleMatch("allow_read_only_sql", PolicyAction.Allow, "reads are fine")], "reads are fine", ScriptedRun.PolicyVersion),
            new ToolRejected("s3", "query_sql", [new PolicyRuleMatch("deny_destructive_sql", PolicyAction.Deny, "no writes")], "no writes", ScriptedRun.PolicyVersion),
            new ApprovalRequested("s2", "send_email", emailInput, rules, "external mail needs a person", ScriptedRun.PolicyVersion, ScriptedRun.DefaultStart.AddHours(24), PolicyAction.Deny),
            new HumanApproved("s2", "ana@kestrelgoods.example", "checked the address"),
            new HumanRejected("s2", "ben", null),
            new ApprovalExpired("s2", PolicyAction.Deny),
            new ToolExecuted("s2", "send_email", "run-sample:12", emailInput),
            new ObservationCaptured("s2", "send_email", "run-sample:12", new ToolObservation(false, null, new ToolError("timeout", "no answer in 10 s"), 10_000, false)),
            new CostRecorded("model", "gpt-4o", 0.0123m, 0.0456m, 900, 120),
            new BudgetExceeded(0.5m, 0.51m, null, "cost reached 0.51 USD, past the budget of 0.5 USD"),
            new ResponseDrafted("Your refund is on its way.", ["step:s1"], "offline"),
            new ResponseFinalized("Your refund is on its way."),
            new RunCompleted(2, 1, 0.0456m, null),
            new RunFailed("budget_exceeded", "the run passed its budget", "I could not complete this request."),
            new RunCancelled("customer withdrew", "ana"),
            new EvaluationStarted(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), null, "nightly", "recorded", ScriptedRun.PolicyVersion, true, "plan-v4", "heuristic"),
            new RunScored("run-9", "tenant-a", "completed", 0.8, 0.6, 0.02m, 0.03m, 1, 14, 0),
            new EvaluationCompleted(12, 1, 0.92, 0.81, -0.04, 1, 2, ["warning:quality_drop:2026-03-01"]),
            new EvaluatorsScored("2026-03-01", "tenant-a", "gpt-4o-judge", [
                new EvaluatorResult("citation_groundedness", 12, 0, 0, 2, 0.91, 0.83, ["run-3", "run-9"]),
                new EvaluatorResult("answer_relevance", 3, 9, 1, 1, 4.33, 0.75, ["run-9"], "judge/answer-relevance/v1")]),
        ];
        return payloads.ToDictionary(p => p.EventType, StringComparer.Ordinal);
    }
}
