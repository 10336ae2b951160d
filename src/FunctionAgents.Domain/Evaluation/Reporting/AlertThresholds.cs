namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>When an evaluation raises alerts (the blueprint's defaults).</summary>
/// <param name="ViolationRateMultiplier">Page when the policy violation rate is above this many times its baseline.</param>
/// <param name="CostIncrease">Warn when cost per successful run rose by more than this fraction day over day.</param>
public sealed record AlertThresholds(double ViolationRateMultiplier = 3d, double CostIncrease = 0.30d)
{
    public static AlertThresholds Default { get; } = new();
}
