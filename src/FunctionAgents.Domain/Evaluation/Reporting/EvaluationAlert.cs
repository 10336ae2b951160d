namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>Something in an evaluation a person should look at.</summary>
/// <param name="Severity"><see cref="Page"/> or <see cref="Warn"/>.</param>
/// <param name="Code"><see cref="PolicyViolationRate"/> or <see cref="CostPerSuccessfulRun"/>.</param>
/// <param name="Day">The day the alert is about (<c>yyyy-MM-dd</c>).</param>
/// <param name="Observed">The value that raised it.</param>
/// <param name="Baseline">What it was compared with.</param>
public sealed record EvaluationAlert(string Severity, string Code, string Day, string Message, double Observed, double Baseline)
{
    public const string Page = "page";
    public const string Warn = "warn";
    public const string PolicyViolationRate = "policy_violation_rate";
    public const string CostPerSuccessfulRun = "cost_per_successful_run";
}
