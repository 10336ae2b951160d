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
