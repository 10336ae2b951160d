using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tests.Forensics.Support;

/// <summary>
/// Writes a run's journal by hand, one sealed batch at a time, so a test can put any event (including ones the
/// engine would never write) at an exact Seq. Each batch is one second after the previous one.
/// </summary>
internal sealed class ScriptedRun
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly List<RunEvent> _events = [];
    private DateTimeOffset _now;

    public ScriptedRun(string runId = "run-scripted", string tenantId = "tenant-a", string correlationId = "corr-a", DateTimeOffset? start = null)
    {
        Identity = new RunIdentity(runId, tenantId, correlationId, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        _now = start ?? DefaultStart;
    }

    public RunIdentity Identity { get; }

    public IReadOnlyList<RunEvent> Events => _events;

    public long LastSeq => _events.Count;

    /// <summary>The fold of every event so far, kept up to date as batches are added.</summary>
    public RunState State { get; private set; } = RunState.Empty;

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Appends one batch sealed at one time; returns the Seq of its last event.</summary>
    public long Batch(params EventDraft[] drafts)
    {
        var prevHash = _events.Count == 0 ? EventHasher.GenesisHash : _events[^1].Hash;
        var batch = EventSealer.Seal(Identity, LastSeq + 1, prevHash, _now, drafts);
        _events.AddRange(batch);
        State = batch.Aggregate(State, RunEvolver.Evolve);
        _now = _now.AddSeconds(1);
        return LastSeq;
    }

    /// <summary>Appends one event in its own batch, caused by the previous event unless told otherwise.</summary>
    public long Add(EventPayload payload, string actor = Actors.Orchestrator, long? cause = -1) =>
        Batch(new EventDraft(actor, payload, cause == -1 ? (LastSeq == 0 ? null : LastSeq) : cause));

    public long Start(decimal budgetUsd = 1m, int maxSteps = 20, string goal = "Where is my order 1042?") =>
        Add(new RunStarted(goal, maxSteps, budgetUsd, _now.AddHours(1), "http", null, null), cause: null);

    /// <summary>A plan of steps (id, tool, input JSON).</summary>
    public long Plan(params (string Id, string Tool, string Input)[] steps) =>
        Add(
            new PlanGenerated(
                new AgentPlan(Identity.RunId, "help", 20, 1m, [.. steps.Select(s => new PlanStep(s.Id, $"use {s.Tool}", s.Tool, Json(s.Input), "it answered"))], ["done"]),
                "offline",
                null),
            Actors.Planner);

    public long Propose(string stepId, string tool, string input) =>
        Add(new ToolProposed(stepId, tool, Json(input), $"use {tool}"));

    public long Allow(string stepId, string tool, string rule = "allow_all") =>
        Add(new ToolApproved(stepId, tool, [new PolicyRuleMatch(rule, PolicyAction.Allow, "allowed")], "allowed", PolicyVersion), Actors.PolicyGuard);

    public long Deny(string stepId, string tool, string rule = "deny_it") =>
        Add(new ToolRejected(stepId, tool, [new PolicyRuleMatch(rule, PolicyAction.Deny, "denied")], "denied by policy", PolicyVersion), Actors.PolicyGuard);

    public long AskHuman(string stepId, string tool, string input, PolicyAction onTimeout = PolicyAction.Deny) =>
        Add(
            new ApprovalRequested(
                stepId, tool, Json(input), [new PolicyRuleMatch("needs_a_human", PolicyAction.RequireHumanApproval, "a person must check")],
                "a person must check", PolicyVersion, _now.AddHours(1), onTimeout),
            Actors.PolicyGuard);

    /// <summary>ToolExecuted, ObservationCaptured and CostRecorded in one batch, as the engine writes them.</summary>
    public long Execute(string stepId, string tool, string input, bool success = true, decimal cost = 0.01m, string errorCode = "tool_error")
    {
        var state = State;
        var dispatch = DispatchIds.For(Identity.RunId, LastSeq + 1);
        var observation = success
            ? new ToolObservation(true, Json("""{"ok":true}"""), null, 3, false)
            : new ToolObservation(false, null, new ToolError(errorCode, "it broke"), 3, false);
        return Batch(
            new EventDraft(Actors.ToolExecutor, new ToolExecuted(stepId, tool, dispatch, Json(input)), LastSeq),
            new EventDraft(Actors.ToolExecutor, new ObservationCaptured(stepId, tool, dispatch, observation), LastSeq + 1),
            new EventDraft(Actors.ToolExecutor, new CostRecorded("tool", tool, cost, state.CostUsd + cost, null, null), LastSeq + 2));
    }

    /// <summary>ToolExecuted and a successful ObservationCaptured whose output is <paramref name="outputJson"/>.</summary>
    public long ExecuteWith(string stepId, string tool, string input, string outputJson)
    {
        var dispatch = DispatchIds.For(Identity.RunId, LastSeq + 1);
        return Batch(
            new EventDraft(Actors.ToolExecutor, new ToolExecuted(stepId, tool, dispatch, Json(input)), LastSeq),
            new EventDraft(Actors.ToolExecutor, new ObservationCaptured(stepId, tool, dispatch, new ToolObservation(true, Json(outputJson), null, 3, false)), LastSeq + 1));
    }

    /// <summary>ModelCalled and its CostRecorded in one batch.</summary>
    public long ModelCall(decimal cost, string purpose = "answer")
    {
        var total = State.CostUsd + cost;
        return Batch(
            new EventDraft(Actors.Planner, Model(purpose), LastSeq),
            new EventDraft(Actors.Planner, new CostRecorded("model", "gpt-4o", cost, total, 900, 120), LastSeq + 1));
    }

    public const string PolicyVersion = "3f2a9c0e5d1b7a4468f0c2e9b1d3a5c7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9";

    public static ModelCalled Model(string purpose = "plan") =>
        new(purpose, "gpt4o-prod", "gpt-4o", "plan-v3", "ab12cd34ef56ab12cd34ef56ab12cd34", "ffee", "{}", 900, 120, 850, "stop");
}
