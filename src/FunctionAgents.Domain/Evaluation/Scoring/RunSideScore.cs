namespace FunctionAgents.Domain.Evaluation.Scoring;

/// <summary>The scores of one version of a run: as recorded (baseline) or as replayed (candidate).</summary>
/// <param name="Status"><c>completed</c>, <c>failed</c>, <c>cancelled</c>, <c>awaiting_approval</c> or <c>running</c>.</param>
/// <param name="Success">Completed without a fallback answer and without a human taking over (rejecting a step).</param>
/// <param name="PlanValid">The planner's plan passed validation.</param>
/// <param name="Quality">0 unless successful with a valid plan; then the mean step score over the plan's steps.</param>
/// <param name="TimeToFirstActionMs">RunStarted to the first approved tool call, or null when none was approved.</param>
/// <param name="TotalMs">RunStarted to the final event, or null when the run did not finish.</param>
/// <param name="Denials">Steps the policy denied.</param>
/// <param name="Escalations">Steps the policy held for human approval.</param>
/// <param name="FailureCode">The RunFailed code, when it failed.</param>
public sealed record RunSideScore(
    string Status,
    bool Success,
    bool PlanValid,
    double Quality,
    decimal CostUsd,
    long? TimeToFirstActionMs,
    long? TotalMs,
    int Denials,
    int Escalations,
    string? FailureCode)
{
    /// <summary>Denials plus escalations: the seed's "policy violations".</summary>
    public int PolicyViolations => Denials + Escalations;
}
