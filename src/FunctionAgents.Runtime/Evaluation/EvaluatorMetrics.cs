using System.Globalization;
using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Runtime.Evaluation.Judging;

namespace FunctionAgents.Runtime.Evaluation;

/// <summary>
/// The evaluators' metrics of one evaluation as they stream in: over the whole window (the report's <c>evaluators</c>)
/// and per UTC day and tenant (journaled as <c>EvaluatorsScored</c>, the trend's source). Memory grows with days ×
/// tenants × evaluators, never with runs.
/// </summary>
internal sealed class EvaluatorMetrics
{
    private readonly Dictionary<(DateOnly Day, string Tenant), EvaluatorAccumulator> _days = [];

    public EvaluatorAccumulator Overall { get; } = new();

    public void Add(DateOnly day, string tenantId, string runId, IReadOnlyList<MetricResult> metrics)
    {
        Overall.Add(runId, metrics);
        if (!_days.TryGetValue((day, tenantId), out var accumulator))
        {
            accumulator = _days[(day, tenantId)] = new EvaluatorAccumulator();
        }

        accumulator.Add(runId, metrics);
    }

    /// <summary>Each day and tenant that had metrics, oldest day first, then by tenant.</summary>
    /// <param name="judgeModel">The judge's model id when judged evaluators ran.</param>
    public IReadOnlyList<EvaluatorDay> Days(string? judgeModel) =>
        [.. _days
            .Where(kv => !kv.Value.IsEmpty)
            .OrderBy(kv => kv.Key.Day)
            .ThenBy(kv => kv.Key.Tenant, StringComparer.Ordinal)
            .Select(kv => new EvaluatorDay(
                kv.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                kv.Key.Tenant,
                judgeModel,
                kv.Value.Results(judgeModel is null ? null : JudgedEvaluators.PromptVersions)))];
}
