using FunctionAgents.Domain.Evaluation.Scoring;

namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>Running sums of one group of runs.</summary>
internal sealed class GroupAccumulator(string key)
{
    private readonly SideAccumulator _baseline = new();
    private readonly SideAccumulator _candidate = new();
    private int _runs;
    private int _regressions;
    private int _divergent;
    private int _unrecorded;

    public string Key => key;

    public void Add(RunScore score)
    {
        _runs++;
        _baseline.Add(score.Baseline);
        _candidate.Add(score.Candidate);
        _regressions += score.Regressions.Count;
        _divergent += score.Deterministic ? 0 : 1;
        _unrecorded += score.UnrecordedCalls;
    }

    public GroupMetrics ToMetrics()
    {
        var baseline = _baseline.ToMetrics();
        var candidate = _candidate.ToMetrics();
        double? costDelta = _baseline.Cost == 0m
            ? (_candidate.Cost == 0m ? 0d : null)
            : (double)((_candidate.Cost - _baseline.Cost) / _baseline.Cost);
        return new GroupMetrics(
            key, _runs, baseline, candidate, candidate.MeanQuality - baseline.MeanQuality, costDelta, _regressions, _divergent, _unrecorded);
    }
}
