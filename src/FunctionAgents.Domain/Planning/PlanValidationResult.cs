using System.Diagnostics.CodeAnalysis;

namespace FunctionAgents.Domain.Planning;

/// <summary>The outcome of <see cref="PlanValidator"/>: the plan when it is valid, otherwise every violation found.</summary>
/// <param name="Plan">The deserialized plan; null whenever <paramref name="Violations"/> is not empty.</param>
/// <param name="Violations">Every problem, each with a JSON path such as <c>$.steps[2].input.to</c>; empty when valid.</param>
public sealed record PlanValidationResult(AgentPlan? Plan, IReadOnlyList<PlanViolation> Violations)
{
    /// <summary>True when the plan may execute: no violations and <see cref="Plan"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool IsValid => Plan is not null && Violations.Count == 0;
}
