using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Domain.Planning;

/// <summary>
/// Checks planner output against the plan contract (<see cref="PlanContract"/>) and the tool registry before anything
/// executes. Every violation is reported at once, each with a JSON path; an invalid plan yields no <see cref="AgentPlan"/>.
/// </summary>
/// <remarks>
/// <para>Checked: the JSON parses and is an object; no unknown or repeated properties (plan, steps, tool inputs);
/// every field present with the right type; <c>maxSteps</c> in 1..20; <c>budgetUsd</c> in 0.01..10; at least one
/// step and no more than <c>maxSteps</c>; step ids match <see cref="PlanContract.StepIdPattern"/> and are unique;
/// <c>objective</c> and <c>successCriteria</c> at least 5 characters; <c>tool</c> registered; <c>input</c> an object
/// matching that tool's input schema; at least one non-empty stop condition.</para>
/// <para>Step references: an input string containing <c>{{steps.&lt;id&gt;.output...}}</c> must refer only to earlier
/// steps. Because its value is known only at execution, such a string is checked for its type alone: <c>enum</c>,
/// <c>const</c>, <c>pattern</c> and length checks are skipped. The resolved input is validated again by the tool
/// executor before the tool runs.</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class PlanValidator
{
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>Parses and validates plan JSON text, such as a planner's raw output.</summary>
    public static PlanValidationResult Validate(string json, IToolCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(catalog);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ParseOptions);
        }
        catch (JsonException ex)
        {
            return new PlanValidationResult(null, [new PlanViolation("$", $"is not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            return Validate(document.RootElement, catalog);
        }
    }

    /// <summary>Validates an already parsed plan document.</summary>
    public static PlanValidationResult Validate(JsonElement plan, IToolCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var violations = new PlanWalker(catalog).Walk(plan);
        if (violations.Count > 0)
        {
            return new PlanValidationResult(null, violations);
        }

        try
        {
            var result = plan.Deserialize(PlanJsonContext.Default.AgentPlan)
                ?? throw new JsonException("The plan is null.");
            return new PlanValidationResult(result, []);
        }
        catch (JsonException ex)
        {
            return new PlanValidationResult(null, [new PlanViolation("$", $"could not be read as a plan: {ex.Message}")]);
        }
    }
}

/// <summary>The outcome of <see cref="PlanValidator"/>: the plan when it is valid, otherwise every violation found.</summary>
/// <param name="Plan">The deserialized plan; null whenever <paramref name="Violations"/> is not empty.</param>
/// <param name="Violations">Every problem, each with a JSON path such as <c>$.steps[2].input.to</c>; empty when valid.</param>
public sealed record PlanValidationResult(AgentPlan? Plan, IReadOnlyList<PlanViolation> Violations)
{
    /// <summary>True when the plan may execute: no violations and <see cref="Plan"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool IsValid => Plan is not null && Violations.Count == 0;
}
