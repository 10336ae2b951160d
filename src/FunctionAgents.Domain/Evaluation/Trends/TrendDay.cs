using FunctionAgents.Domain.Evaluation.Reporting;

namespace FunctionAgents.Domain.Evaluation.Trends;

/// <summary>One UTC day of a trend, taken from the newest evaluation report that covered it.</summary>
/// <param name="Day">The day, <c>yyyy-MM-dd</c>.</param>
/// <param name="Recorded">The day's runs as they happened (the report's baseline side).</param>
/// <param name="Replayed">The same runs replayed under the configuration of the evaluation (the report's candidate side, which its alerts judge).</param>
public sealed record TrendDay(string Day, string EvaluationId, DateTimeOffset EvaluatedAt, int Runs, SideMetrics Recorded, SideMetrics Replayed);
