using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Evaluation.Checks;

/// <summary>
/// Folds evaluator metrics of many runs into per-evaluator summaries as they stream (a running sum and count, and at
/// most <see cref="MaxFailingRuns"/> failing run ids each), so memory does not grow with the number of runs.
/// </summary>
public sealed class EvaluatorAccumulator
{
    /// <summary>Most failing run ids kept per evaluator (the counts stay exact).</summary>
    public const int MaxFailingRuns = 20;

    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string runId, IEnumerable<MetricResult> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var metric in metrics)
        {
            if (!_states.TryGetValue(metric.Evaluator, out var state))
            {
                state = _states[metric.Evaluator] = new State();
                _order.Add(metric.Evaluator);
            }

            if (metric.Value is { } value)
            {
                state.Sum += value;
                state.Scored++;
            }
            else if (metric.Errored)
            {
                state.Errored++;
            }
            else
            {
                state.NotRun++;
            }

            if (metric.Failed || metric.Errored)
            {
                state.Failed++;
                if (state.Failing.Count < MaxFailingRuns)
                {
                    state.Failing.Add(runId);
                }
            }
            else if (metric.Value is not null)
            {
                state.Passed++;
            }
        }
    }

    public IReadOnlyList<EvaluatorSummary> Summaries() =>
        [.. _order.Select(name =>
        {
            var s = _states[name];
            return new EvaluatorSummary(name, s.Scored, s.NotRun, s.Errored, s.Scored == 0 ? null : s.Sum / s.Scored, [.. s.Failing]);
        })];

    /// <summary>True until a metric is added.</summary>
    public bool IsEmpty => _order.Count == 0;

    /// <summary>
    /// The journaled form: per evaluator the counts, mean, pass rate (passed / (scored + errored)) and failing run ids;
    /// <paramref name="promptVersions"/> names the judged evaluators' prompt versions.
    /// </summary>
    public IReadOnlyList<EvaluatorResult> Results(IReadOnlyDictionary<string, string>? promptVersions = null)
    {
        var results = new List<EvaluatorResult>(_order.Count);
        foreach (var name in _order)
        {
            var s = _states[name];
            var judged = s.Scored + s.Errored;
            string? prompt = null;
            promptVersions?.TryGetValue(name, out prompt);
            results.Add(new EvaluatorResult(
                name,
                s.Scored,
                s.NotRun,
                s.Errored,
                s.Failed,
                s.Scored == 0 ? null : s.Sum / s.Scored,
                judged == 0 ? null : (double)s.Passed / judged,
                [.. s.Failing],
                prompt));
        }

        return results;
    }

    private sealed class State
    {
        public double Sum { get; set; }

        public int Scored { get; set; }

        public int NotRun { get; set; }

        public int Errored { get; set; }

        public int Failed { get; set; }

        public int Passed { get; set; }

        public List<string> Failing { get; } = [];
    }
}
