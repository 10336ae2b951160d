using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Sets;
using Microsoft.Extensions.AI.Evaluation;

namespace FunctionAgents.Runtime.Evaluation.Evaluators;

/// <summary>Maps the contract's metrics to the report's <see cref="MetricResult"/>.</summary>
public static class MetricResults
{
    public static MetricResult From(EvaluationMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var value = (metric as NumericMetric)?.Value;
        var errored = metric.Metadata?.TryGetValue(RunEvaluator.StateKey, out var state) == true
            ? state == "errored"
            : metric.Diagnostics?.Any(d => d.Severity == EvaluationDiagnosticSeverity.Error) == true;
        var interpretation = metric.Interpretation;
        return new MetricResult(
            metric.Name,
            errored ? null : value,
            (interpretation?.Rating ?? EvaluationRating.Unknown).ToString().ToLowerInvariant(),
            interpretation?.Failed ?? errored,
            errored,
            interpretation?.Reason ?? metric.Reason ?? string.Empty);
    }
}
