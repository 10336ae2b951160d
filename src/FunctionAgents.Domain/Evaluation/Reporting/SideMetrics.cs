namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>Metrics of a group of runs, one version (baseline as recorded, or candidate as replayed).</summary>
/// <param name="SuccessRate">Successful runs / runs (0 for no runs).</param>
/// <param name="MeanQuality">Mean run quality in [0, 1].</param>
/// <param name="PolicyViolations">Denied plus escalated steps.</param>
/// <param name="ViolationRatePer100">Policy violations per 100 runs.</param>
/// <param name="CostPerSuccessfulRunUsd">Total cost / successful runs; null without a successful run.</param>
/// <param name="MeanTimeToFirstActionMs">Mean time from RunStarted to the first approved tool call, over runs that had one.</param>
/// <param name="MeanTotalMs">Mean time from RunStarted to the final event, over finished runs.</param>
public sealed record SideMetrics(
    int Runs,
    int SuccessfulRuns,
    double SuccessRate,
    double MeanQuality,
    int PolicyViolations,
    double ViolationRatePer100,
    decimal TotalCostUsd,
    decimal? CostPerSuccessfulRunUsd,
    double? MeanTimeToFirstActionMs,
    double? MeanTotalMs);
