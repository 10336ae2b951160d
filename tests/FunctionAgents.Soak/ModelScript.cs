using System.Text.Json;

namespace FunctionAgents.Soak;

/// <summary>What the scripted model answers for one tagged goal: the plan (given the run id), the answer, the usage it bills and a delay.</summary>
internal sealed record ModelScript(Func<string, string> Plan, string Answer = "Done.", int PromptTokens = 300, int CompletionTokens = 80, TimeSpan Delay = default)
{
    /// <summary>Prompt tokens billed for the answer call; null bills <see cref="PromptTokens"/> as for the plan.</summary>
    public int? AnswerPromptTokens { get; init; }

    /// <summary>Plan JSON with one step per (tool, input), ids s1, s2, ...; <paramref name="maxSteps"/> and budget as the plan claims them.</summary>
    public static string PlanJson(string runId, IReadOnlyList<(string Tool, object Input)> steps, int? maxSteps = null, decimal budgetUsd = 0.05m) =>
        JsonSerializer.Serialize(new
        {
            runId,
            goal = "Help the customer with their question.",
            maxSteps = maxSteps ?? Math.Max(steps.Count, 1),
            budgetUsd,
            steps = steps.Select((s, i) => new
            {
                id = $"s{i + 1}",
                objective = $"Step {i + 1}: do what was asked",
                tool = s.Tool,
                input = s.Input,
                successCriteria = "The step returned a result.",
            }),
            stopConditions = new[] { "the answer is found" },
        });
}
