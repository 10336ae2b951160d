using System.Globalization;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Forensics.Explaining;

public static partial class EventExplainer
{
    private static Wording Model(ModelCalled p) => new(
        $"Model {p.Model} called to {p.Purpose}",
        $"{p.Purpose} call to {p.Model} (deployment {p.Deployment}) with prompt {p.PromptVersion} ({ExplainText.ShortVersion(p.PromptHash)}): " +
        $"{ExplainText.Number(p.InputTokens)} tokens in, {ExplainText.Number(p.OutputTokens)} out, {ExplainText.Number(p.LatencyMs)} ms, finish reason {p.FinishReason}",
        [Tag("model", p.Model), Tag("deployment", p.Deployment), Tag("purpose", p.Purpose), Tag("prompt_version", p.PromptVersion)]);

    private static Wording Plan(PlanGenerated p)
    {
        var steps = p.Plan.Steps;
        var tools = string.Join(", ", steps.Take(5).Select(s => $"{s.Id} {s.Tool}")) + (steps.Count > 5 ? $", +{steps.Count - 5} more" : string.Empty);
        var prompt = p.PromptVersion is { } version ? $" with prompt {version}" : string.Empty;
        List<EventTag> tags = [Tag("planner", p.Planner), Tag("steps", steps.Count.ToString(CultureInfo.InvariantCulture))];
        if (p.PromptVersion is not null)
        {
            tags.Add(Tag("prompt_version", p.PromptVersion));
        }

        return new(
            $"Plan generated ({steps.Count} step(s))",
            $"The {p.Planner} planner{prompt} planned {steps.Count} step(s): {(steps.Count == 0 ? "none" : tools)}",
            tags);
    }

    private static Wording PlanRefused(PlanRejected p)
    {
        var first = p.Errors.Take(2).Select(v => $"{v.Path}: {v.Message}");
        var more = p.Errors.Count > 2 ? $" (+{p.Errors.Count - 2} more)" : string.Empty;
        return new(
            "Plan rejected",
            $"The {p.Planner} planner's plan failed validation: {(p.Errors.Count == 0 ? "no plan was returned" : string.Join("; ", first) + more)}",
            [Tag("planner", p.Planner), Tag("outcome", "rejected"), Tag("errors", p.Errors.Count.ToString(CultureInfo.InvariantCulture))]);
    }

    private static Wording Cost(CostRecorded p)
    {
        var tokens = p.InputTokens is { } input && p.OutputTokens is { } output
            ? $" ({ExplainText.Number(input)} tokens in, {ExplainText.Number(output)} out)"
            : string.Empty;
        return new(
            $"Cost recorded for {p.Item}",
            $"The {p.Category} call to {p.Item} cost {ExplainText.Usd(p.CostUsd)}{tokens}; the run has spent {ExplainText.Usd(p.TotalCostUsd)}",
            [Tag("category", p.Category), Tag(p.Category == "tool" ? "tool" : "model", p.Item)]);
    }

    private static Wording Budget(BudgetExceeded p) => new(
        "Budget exceeded",
        p.NextCallEstimateUsd is { } estimate
            ? $"Stopped before a call estimated at {ExplainText.Usd(estimate)}: spent {ExplainText.Usd(p.CostUsd)} of {ExplainText.Usd(p.BudgetUsd)} ({p.Reason})"
            : $"Spent {ExplainText.Usd(p.CostUsd)}, past the budget of {ExplainText.Usd(p.BudgetUsd)} ({p.Reason})",
        [Tag("outcome", "budget_exceeded")]);
}
