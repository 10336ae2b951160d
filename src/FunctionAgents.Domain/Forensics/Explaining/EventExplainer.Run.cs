using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Forensics.Explaining;

public static partial class EventExplainer
{
    private static Wording Started(RunStarted p) => new(
        "Run started",
        $"A {p.Source} request asked: \"{ExplainText.Quote(p.Goal)}\" (at most {p.MaxSteps} steps, budget {ExplainText.Usd(p.BudgetUsd)}, deadline {ExplainText.Time(p.Deadline)})",
        p.IdempotencyKey is null
            ? [Tag("source", p.Source)]
            : [Tag("source", p.Source), Tag("idempotency_key", p.IdempotencyKey)]);

    private static Wording Memory(MemoryRetrieved p) => new(
        "Memory retrieved",
        $"{p.Items.Count} item(s) retrieved for \"{ExplainText.Quote(p.Query)}\"" +
        (p.Sources.Count > 0 ? $" from {string.Join(", ", p.Sources.Distinct(StringComparer.Ordinal).Take(3))}" : string.Empty),
        [Tag("items", p.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    private static Wording Drafted(ResponseDrafted p) => new(
        "Response drafted",
        $"The {p.Builder} response builder drafted {ExplainText.Number(p.Text.Length)} characters citing {p.Sources.Count} source(s): \"{ExplainText.Quote(p.Text)}\"",
        [Tag("builder", p.Builder)]);

    private static Wording Finalized(ResponseFinalized p) => new(
        "Response finalized",
        $"The user receives: \"{ExplainText.Quote(p.Text)}\"",
        [Tag("outcome", "answered")]);

    private static Wording Completed(RunCompleted p) => new(
        "Run completed",
        $"{p.StepsExecuted} step(s) executed, {p.StepsSkipped} skipped, total cost {ExplainText.Usd(p.CostUsd)}" +
        (p.StoppedEarly is { } why ? $"; stopped early ({why})" : string.Empty),
        p.StoppedEarly is null ? [Tag("outcome", "completed")] : [Tag("outcome", "completed"), Tag("stopped_early", p.StoppedEarly)]);

    private static Wording Failed(RunFailed p) => new(
        $"Run failed ({p.Code})",
        $"The run failed: {p.Reason}; the user is told \"{ExplainText.Quote(p.FallbackResponse)}\"",
        [Tag("outcome", "failed"), Tag("code", p.Code)]);

    private static Wording Cancelled(RunCancelled p) => new(
        "Run cancelled",
        $"Cancelled by {p.By}: {p.Reason}",
        [Tag("outcome", "cancelled"), Tag("by", p.By)]);
}
