using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>The evaluators' results over one UTC day's runs of one tenant (the report's copy of <see cref="EvaluatorsScored"/>).</summary>
/// <param name="Day">The UTC day the runs were created on, <c>yyyy-MM-dd</c>.</param>
/// <param name="JudgeModel">The judge's model id when a judged evaluator ran; null otherwise.</param>
public sealed record EvaluatorDay(string Day, string TenantId, string? JudgeModel, IReadOnlyList<EvaluatorResult> Evaluators)
{
    /// <summary>The journal event that records the same results.</summary>
    public EvaluatorsScored ToEvent() => new(Day, TenantId, JudgeModel, Evaluators);
}
