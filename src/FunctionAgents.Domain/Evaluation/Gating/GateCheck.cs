namespace FunctionAgents.Domain.Evaluation.Gating;

/// <summary>One gate condition and how the report fared.</summary>
/// <param name="Name"><c>runs</c>, <c>min_quality</c>, <c>max_cost_delta</c> or <c>max_policy_regressions</c>.</param>
/// <param name="Message">The measured value against the threshold, in words; for a failure, the reason.</param>
public sealed record GateCheck(string Name, bool Passed, string Message);
