using System.Globalization;

namespace FunctionAgents.Domain.Planning;

/// <summary>
/// The single definition of the plan contract: its limits and its fields. <see cref="PlanSchema"/> (the JSON schema
/// handed to the model) and <see cref="PlanValidator"/> (the check before execution) are both derived from it.
/// </summary>
public static class PlanContract
{
    /// <summary>Smallest allowed <c>maxSteps</c>.</summary>
    public const int MinMaxSteps = 1;

    /// <summary>Largest allowed <c>maxSteps</c>; also the largest number of steps any plan may have.</summary>
    public const int MaxMaxSteps = 20;

    /// <summary>Smallest allowed <c>budgetUsd</c>.</summary>
    public const decimal MinBudgetUsd = 0.01m;

    /// <summary>Largest allowed <c>budgetUsd</c>.</summary>
    public const decimal MaxBudgetUsd = 10m;

    /// <summary>Shortest allowed <c>objective</c> and <c>successCriteria</c>, in characters (Unicode code points).</summary>
    public const int MinStepTextLength = 5;

    /// <summary>
    /// What a step id looks like: 1-64 letters, digits, <c>_</c> or <c>-</c>, so that later steps can refer to its
    /// output as <c>{{steps.&lt;id&gt;.output...}}</c>.
    /// </summary>
    public const string StepIdPattern = "^[A-Za-z0-9_-]{1,64}$";

    internal static IReadOnlyList<PlanField> PlanFields { get; } =
    [
        new("runId", PlanFieldKind.Text, "The run this plan belongs to.", minLength: 1),
        new("goal", PlanFieldKind.Text, "The goal the plan achieves, in one sentence.", minLength: 1),
        new("maxSteps", PlanFieldKind.Integer, $"Upper bound on the number of steps, {MinMaxSteps} to {MaxMaxSteps}.", minimum: MinMaxSteps, maximum: MaxMaxSteps),
        new("budgetUsd", PlanFieldKind.Number, string.Create(CultureInfo.InvariantCulture, $"Upper bound on the run's cost in US dollars, {MinBudgetUsd} to {MaxBudgetUsd}."), minimum: MinBudgetUsd, maximum: MaxBudgetUsd),
        new(
            "steps",
            PlanFieldKind.Steps,
            "The steps in execution order; at most maxSteps of them. A step may use an earlier step's output in a string "
                + "input value as {{steps.<id>.output.<path>}}.",
            minItems: 1,
            maxItems: MaxMaxSteps),
        new("stopConditions", PlanFieldKind.TextList, "At least one condition for stopping early, e.g. 'the answer is found'.", minItems: 1, itemMinLength: 1),
    ];

    internal static IReadOnlyList<PlanField> StepFields { get; } =
    [
        new("id", PlanFieldKind.Text, "Unique step id of letters, digits, '_' or '-', e.g. s1.", pattern: StepIdPattern),
        new("objective", PlanFieldKind.Text, $"What this step is for, at least {MinStepTextLength} characters.", minLength: MinStepTextLength),
        new("tool", PlanFieldKind.ToolName, "The registered tool this step calls."),
        new("input", PlanFieldKind.ToolInput, "The tool's input object."),
        new("successCriteria", PlanFieldKind.Text, $"How to tell the step succeeded, at least {MinStepTextLength} characters.", minLength: MinStepTextLength),
    ];
}
