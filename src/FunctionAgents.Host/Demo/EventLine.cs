using System.Globalization;
using System.Text.Json;

namespace FunctionAgents.Host.Demo;

/// <summary>One readable line per journal event: seq, type, actor and what happened, from the event's JSON.</summary>
internal static class EventLine
{
    public static string Format(JsonElement e)
    {
        var seq = e.GetProperty("seq").GetInt64();
        var type = e.GetProperty("type").GetString() ?? "?";
        var actor = e.GetProperty("actor").GetString() ?? "?";
        return string.Create(CultureInfo.InvariantCulture, $"  #{seq,-3} {type,-20} {actor,-14} {Summary(type, e.GetProperty("payload"))}");
    }

    private static string Summary(string type, JsonElement p) => type switch
    {
        "RunStarted" => $"goal \"{Clip(S(p, "goal"), 60)}\" (max {N(p, "maxSteps")} steps, budget ${N(p, "budgetUsd")})",
        "PlanGenerated" => $"{S(p, "planner")} plan: " + string.Join(", ", Steps(p)),
        "PlanRejected" => $"plan rejected: {Clip(p.GetProperty("errors").GetRawText(), 100)}",
        "ToolProposed" => $"{S(p, "stepId")} {S(p, "tool")}: {Clip(S(p, "objective"), 60)}",
        "ToolApproved" => $"{S(p, "stepId")} {S(p, "tool")} allowed by {FirstRule(p)}",
        "ToolRejected" => $"{S(p, "stepId")} {S(p, "tool")} denied by {FirstRule(p)}: {Clip(S(p, "reason"), 60)}",
        "ApprovalRequested" => $"{S(p, "stepId")} {S(p, "tool")} needs a human: {FirstRule(p)}",
        "HumanApproved" => $"{S(p, "stepId")} approved by {S(p, "approver")}",
        "HumanRejected" => $"{S(p, "stepId")} rejected by {S(p, "approver")}",
        "ApprovalExpired" => $"{S(p, "stepId")} expired: {S(p, "outcome")}",
        "ToolExecuted" => $"{S(p, "stepId")} {S(p, "tool")} dispatched as {S(p, "dispatchId")}",
        "ObservationCaptured" => Observation(p),
        "CostRecorded" => $"{S(p, "category")} {S(p, "item")} +${N(p, "costUsd")} (total ${N(p, "totalCostUsd")})",
        "BudgetExceeded" => Clip(S(p, "reason"), 80),
        "ModelCalled" => $"{S(p, "purpose")} via {S(p, "model")} ({N(p, "inputTokens")}+{N(p, "outputTokens")} tokens)",
        "ResponseDrafted" => $"{S(p, "builder")} draft: \"{Clip(S(p, "text"), 70)}\"",
        "ResponseFinalized" => $"\"{Clip(S(p, "text"), 80)}\"",
        "RunCompleted" => $"{N(p, "stepsExecuted")} step(s) executed, {N(p, "stepsSkipped")} skipped, cost ${N(p, "costUsd")}",
        "RunFailed" => $"{S(p, "code")}: {Clip(S(p, "reason"), 80)}",
        "RunCancelled" => $"by {S(p, "by")}: {Clip(S(p, "reason"), 60)}",
        _ => Clip(p.GetRawText(), 90),
    };

    private static string Observation(JsonElement p)
    {
        var observation = p.GetProperty("observation");
        var ok = observation.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True;
        var outcome = ok ? "ok" : "failed: " + (observation.TryGetProperty("error", out var error) ? Clip(S(error, "code") + " " + S(error, "message"), 60) : "?");
        return $"{S(p, "stepId")} {S(p, "tool")} {outcome} in {N(observation, "latencyMs")} ms";
    }

    private static IEnumerable<string> Steps(JsonElement p) =>
        p.TryGetProperty("plan", out var plan) && plan.TryGetProperty("steps", out var steps)
            ? steps.EnumerateArray().Select(s => $"{S(s, "id")} {S(s, "tool")}")
            : [];

    private static string FirstRule(JsonElement p) =>
        p.TryGetProperty("rules", out var rules) && rules.GetArrayLength() > 0 ? S(rules[0], "name") : "the policy default";

    private static string S(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : v.GetRawText() : string.Empty;

    private static string N(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.GetRawText() : "?";

    public static string Clip(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length - 1), "…");
    }
}
