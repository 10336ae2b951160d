namespace FunctionAgents.Domain.Evaluation.Trends;

/// <summary>Per-day evaluation metrics over a window, oldest day first; days no report covered are absent.</summary>
/// <param name="ReportsRead">How many stored reports were read to build it.</param>
/// <param name="Truncated">True when more reports were stored than one trend reads (<c>EvaluationTrends.MaxReports</c> in the runtime).</param>
public sealed record EvaluationTrend(DateOnly From, DateOnly To, IReadOnlyList<TrendDay> Days, int ReportsRead, bool Truncated);
