namespace FunctionAgents.Domain.Evaluation.Gating;

/// <summary>What a candidate must meet to ship; a null threshold is not checked.</summary>
/// <param name="MinQuality">Lowest acceptable candidate mean quality, in [0, 1].</param>
/// <param name="MaxCostDelta">Highest acceptable relative cost change against the baseline (0.15 = +15%).</param>
/// <param name="MaxPolicyRegressions">Most steps whose policy decision may differ from the baseline's.</param>
public sealed record GateThresholds(double? MinQuality = null, double? MaxCostDelta = null, int? MaxPolicyRegressions = null);
