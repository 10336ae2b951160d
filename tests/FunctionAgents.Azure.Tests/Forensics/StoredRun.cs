using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Journal;
using FunctionAgents.Runtime.Projections;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Azure.Tests.Forensics;

/// <summary>
/// Writes a run to a real journal the way the engine does: each batch sealed at one engine time, appended, folded and
/// handed to the projections. Batches are one second apart.
/// </summary>
internal sealed class StoredRun
{
    public const string PolicyVersion = "3f2a9c0e5d1b7a4468f0c2e9b1d3a5c7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9";

    private readonly IEventJournal _journal;
    private readonly IReadOnlyList<IJournalProjection> _projections;
    private DateTimeOffset _now;

    public StoredRun(IEventJournal journal, IEnumerable<IJournalProjection> projections, string tenantId, string correlationId, DateTimeOffset start)
    {
        _journal = journal;
        _projections = [.. projections];
        _now = start;
        Identity = new RunIdentity("run-" + Guid.NewGuid().ToString("N"), tenantId, correlationId, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    public RunIdentity Identity { get; }

    public string RunId => Identity.RunId;

    public List<RunEvent> Events { get; } = [];

    public RunState State { get; private set; } = RunState.Empty;

    public async Task AppendAsync(params EventDraft[] drafts)
    {
        var batch = EventSealer.Seal(Identity, State.LastSeq + 1, State.LastHash, _now, drafts);
        await _journal.AppendAsync(RunId, State.LastSeq + 1, batch);
        Events.AddRange(batch);
        State = batch.Aggregate(State, RunEvolver.Evolve);
        foreach (var projection in _projections)
        {
            await projection.ProjectAsync(batch, State);
        }

        _now = _now.AddSeconds(1);
    }

    /// <summary>A finished refund run: planned, one search allowed by policy, one email approved by a human, answered: 16 events in 8 batches.</summary>
    public async Task<StoredRun> WriteRefundAsync(bool finish = true)
    {
        var mail = Json("""{"to":"a@external.example","subject":"Your refund"}""");
        var search = Json("""{"query":"refund policy"}""");
        var rules = new[] { new PolicyRuleMatch("deny_external_email_without_approval", PolicyAction.RequireHumanApproval, "external mail needs a person") };
        await AppendAsync(Draft(Actors.Orchestrator, new RunStarted("Refund order 1042", 5, 1m, _now.AddHours(1), "http", null, null), null));
        await AppendAsync(
            Draft(Actors.Planner, new ModelCalled("plan", "gpt4o-prod", "gpt-4o", "plan-v3", "abcd", "ef01", "{}", 900, 120, 700, "stop"), 1),
            Draft(Actors.Planner, new PlanGenerated(new AgentPlan(RunId, "refund", 5, 1m, [new PlanStep("s1", "find the policy", "search_docs", search, "found"), new PlanStep("s2", "tell the customer", "send_email", mail, "sent")], ["done"]), "gpt4o-prod", "plan-v3"), 2));
        await AppendAsync(
            Draft(Actors.Orchestrator, new ToolProposed("s1", "search_docs", search, "find the policy"), 3),
            Draft(Actors.PolicyGuard, new ToolApproved("s1", "search_docs", [new PolicyRuleMatch("allow_search_docs", PolicyAction.Allow, "read-only")], "read-only", PolicyVersion), 4));
        await ExecuteAsync("s1", "search_docs", search, 5);
        await AppendAsync(
            Draft(Actors.Orchestrator, new ToolProposed("s2", "send_email", mail, "tell the customer"), 3),
            Draft(Actors.PolicyGuard, new ApprovalRequested("s2", "send_email", mail, rules, "external mail needs a person", PolicyVersion, _now.AddHours(4), PolicyAction.Deny), 9));
        await AppendAsync(Draft(Actors.Human, new HumanApproved("s2", "ana", "checked the address"), 10));
        await ExecuteAsync("s2", "send_email", mail, 11);
        if (finish)
        {
            await AppendAsync(
                Draft(Actors.Orchestrator, new ResponseFinalized("Your refund is on its way."), 14),
                Draft(Actors.Orchestrator, new RunCompleted(2, 0, 0.003m, null), 15));
        }

        return this;
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private async Task ExecuteAsync(string stepId, string tool, JsonElement input, long cause)
    {
        var seq = State.LastSeq + 1;
        var dispatch = DispatchIds.For(RunId, seq);
        await AppendAsync(
            Draft(Actors.ToolExecutor, new ToolExecuted(stepId, tool, dispatch, input), cause),
            Draft(Actors.ToolExecutor, new ObservationCaptured(stepId, tool, dispatch, new ToolObservation(true, Json("""{"ok":true}"""), null, 8, false)), seq),
            Draft(Actors.ToolExecutor, new CostRecorded("tool", tool, 0.0015m, State.CostUsd + 0.0015m, null, null), seq + 1));
    }

    private static EventDraft Draft(string actor, EventPayload payload, long? cause) => new(actor, payload, cause);
}
