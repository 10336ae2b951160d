using FunctionAgents.Domain.Evaluation.Reporting;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Evaluation.Trends;

/// <summary>Per-day evaluation metrics over a window, oldest day first; days no report covered are absent.</summary>
/// <param name="ReportsRead">How many stored reports were read to build it.</param>
/// <param name="Truncated">True when more reports were stored than one trend reads (<c>EvaluationTrends.MaxReports</c> in the runtime).</param>
public sealed record EvaluationTrend(DateOnly From, DateOnly To, IReadOnlyList<TrendDay> Days, int ReportsRead, bool Truncated);

/// <summary>One UTC day of a trend, taken from the newest evaluation report that covered it.</summary>
/// <param name="Day">The day, <c>yyyy-MM-dd</c>.</param>
/// <param name="Recorded">The day's runs as they happened (the report's baseline side).</param>
/// <param name="Replayed">The same runs replayed under the configuration of the evaluation (the report's candidate side, which its alerts judge).</param>
/// <param name="Evaluators">
/// Per evaluator over the day's runs as recorded (scored, not run, errored, failed, mean, pass rate, up to 20 failing run
/// ids, the judge prompt's version); empty when that evaluation ran no evaluators.
/// </param>
/// <param name="JudgeModel">The judge's model id when judged evaluators ran that day.</param>
public sealed record TrendDay(
    string Day,
    string EvaluationId,
    DateTimeOffset EvaluatedAt,
    int Runs,
    SideMetrics Recorded,
    SideMetrics Replayed,
    IReadOnlyList<EvaluatorResult> Evaluators,
    string? JudgeModel = null);
