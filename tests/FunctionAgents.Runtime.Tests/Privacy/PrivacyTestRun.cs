using System.Text.Json;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Privacy;

/// <summary>Sealed batches of a run whose personal data belongs to a customer, for the protector's tests.</summary>
internal static class PrivacyTestRun
{
    public const string Email = "anna.schmidt@example.de";

    public static readonly DateTimeOffset Time = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static RunIdentity Identity(string runId = "run-privacy") => new(runId, "tenant-a", "corr-1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    public static IReadOnlyList<RunEvent> Start(string runId = "run-privacy", string goal = $"Where is the order of {Email}?", IReadOnlyDictionary<string, string>? metadata = null) =>
        EventSealer.Seal(Identity(runId), 1, EventHasher.GenesisHash, Time, [new EventDraft(Actors.Orchestrator, new RunStarted(goal, 5, 1m, Time.AddHours(1), "http", null, metadata), null)]);

    /// <summary>Plan, tool call with the customer's email and its observation, and the answer: Seq 2..5.</summary>
    public static IReadOnlyList<RunEvent> Rest(RunEvent previous)
    {
        var input = Json($$"""{"sql":"SELECT name, phone FROM customers WHERE email = '{{Email}}'"}""");
        var plan = new AgentPlan(previous.RunId, $"order of {Email}", 5, 1m, [new PlanStep("s1", $"look up {Email}", "query_sql", input, "found")], ["done"]);
        var observation = new ToolObservation(true, Json($$"""{"rows":[{"name":"Anna Schmidt","email":"{{Email}}","phone":"+49 151 2345 6789"}]}"""), null, 3, false);
        return EventSealer.Seal(Identity(previous.RunId), previous.Seq + 1, previous.Hash, Time.AddSeconds(1),
        [
            new EventDraft(Actors.Planner, new PlanGenerated(plan, "offline", null), 1),
            new EventDraft(Actors.ToolExecutor, new ToolExecuted("s1", "query_sql", previous.RunId + ":3", input), 2),
            new EventDraft(Actors.ToolExecutor, new ObservationCaptured("s1", "query_sql", previous.RunId + ":3", observation), 3),
            new EventDraft(Actors.Orchestrator, new ResponseFinalized($"Anna Schmidt, we will call you on +49 151 2345 6789 or write to {Email}."), 4),
        ]);
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
