using FunctionAgents.Domain.Evaluation.Scoring;

namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>Running sums for <see cref="SideMetrics"/>: constant memory whatever the number of runs.</summary>
internal sealed class SideAccumulator
{
    private int _runs;
    private int _successful;
    private double _quality;
    private int _violations;
    private decimal _cost;
    private double _firstAction;
    private int _firstActions;
    private double _total;
    private int _totals;

    public decimal Cost => _cost;

    public void Add(RunSideScore score)
    {
        _runs++;
        _successful += score.Success ? 1 : 0;
        _quality += score.Quality;
        _violations += score.PolicyViolations;
        _cost += score.CostUsd;
        if (score.TimeToFirstActionMs is { } firstAction)
        {
            _firstAction += firstAction;
            _firstActions++;
        }

        if (score.TotalMs is { } total)
        {
            _total += total;
            _totals++;
        }
    }

    public SideMetrics ToMetrics() => new(
        _runs,
        _successful,
        _runs == 0 ? 0d : (double)_successful / _runs,
        _runs == 0 ? 0d : _quality / _runs,
        _violations,
        _runs == 0 ? 0d : 100d * _violations / _runs,
        _cost,
        _successful == 0 ? null : decimal.Round(_cost / _successful, 6),
        _firstActions == 0 ? null : _firstAction / _firstActions,
        _totals == 0 ? null : _total / _totals);
}

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
