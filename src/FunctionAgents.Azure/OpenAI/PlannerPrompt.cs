using System.Globalization;
using System.Text;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Renders the planner prompt. The planner sees the goal, the run's limits, the tool list (names, descriptions, input
/// schemas), the facts the run recalled from tenant memory (redacted, as untrusted data) and, as the response format,
/// the plan schema: never a tool's output.
/// </summary>
internal static class PlannerPrompt
{
    public const string FormatName = "agent_plan";

    /// <summary>The strict plan schema for the tools in <paramref name="tools"/>, as the response format.</summary>
    public static ModelResponseFormat Format(IToolCatalog tools) => new(
        FormatName,
        "A bounded plan whose steps each call one registered tool.",
        PlanSchema.Build(tools, strict: true).GetRawText());

    /// <summary>One entry per tool: name, description and input schema as compact JSON.</summary>
    public static string Tools(IToolCatalog tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var text = new StringBuilder();
        foreach (var tool in tools.All)
        {
            text.Append("- ").Append(tool.Name).Append(": ").Append(tool.Description).Append('\n')
                .Append("  input schema: ").Append(tool.InputSchema.GetRawText()).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    public static string System(PromptTemplate prompt, IToolCatalog tools) =>
        prompt.Render("system", new Dictionary<string, string> { ["tools"] = Tools(tools) });

    public static string User(PromptTemplate prompt, PlanRequest request) => prompt.Render("user", new Dictionary<string, string>
    {
        ["runId"] = request.RunId,
        ["maxSteps"] = request.MaxSteps.ToString(CultureInfo.InvariantCulture),
        ["budgetUsd"] = request.BudgetUsd.ToString(CultureInfo.InvariantCulture),
        ["goal"] = request.Goal,
        ["memory"] = Memory(request),
    });

    /// <summary>
    /// What the run recalled, as one untrusted block (a fact could carry an injection written by an earlier run's
    /// tool output); prompts before planner/v2 have no <c>{{memory}}</c> placeholder and ignore it.
    /// </summary>
    public static string Memory(PlanRequest request) =>
        request.Memory is { Count: > 0 } facts
            ? UntrustedContent.Block("memory", "memory_read", string.Join('\n', facts.Select(f => "- " + f)))
            : "(nothing recalled)";

    public static string Repair(PromptTemplate prompt, IEnumerable<PlanViolation> violations) => prompt.Render("repair", new Dictionary<string, string>
    {
        ["violations"] = string.Join('\n', violations.Select(v => $"- {v.Path}: {v.Message}")),
    });

    /// <summary>The run's own limits, which bind whatever the model proposed (the planning activity checks them too).</summary>
    public static IEnumerable<PlanViolation> LimitViolations(PlanRequest request, AgentPlan? plan)
    {
        if (plan is null)
        {
            yield break;
        }

        if (plan.MaxSteps > request.MaxSteps)
        {
            yield return new PlanViolation("$.maxSteps", string.Create(CultureInfo.InvariantCulture, $"must be at most the run's maxSteps ({request.MaxSteps}), was {plan.MaxSteps}"));
        }

        if (plan.BudgetUsd > request.BudgetUsd)
        {
            yield return new PlanViolation("$.budgetUsd", string.Create(CultureInfo.InvariantCulture, $"must be at most the run's budgetUsd ({request.BudgetUsd}), was {plan.BudgetUsd}"));
        }
    }
}

/// <summary>A strict JSON schema the model's answer must follow (OpenAI structured outputs).</summary>
/// <param name="Name">The schema's name, letters, digits, <c>_</c> and <c>-</c>.</param>
/// <param name="Schema">The schema as JSON text.</param>
internal sealed record ModelResponseFormat(string Name, string Description, string Schema);
