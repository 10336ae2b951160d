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

            if ((metric.Failed || metric.Errored) && state.Failing.Count < MaxFailingRuns)
            {
                state.Failing.Add(runId);
            }
        }
    }

    public IReadOnlyList<EvaluatorSummary> Summaries() =>
        [.. _order.Select(name =>
        {
            var s = _states[name];
            return new EvaluatorSummary(name, s.Scored, s.NotRun, s.Errored, s.Scored == 0 ? null : s.Sum / s.Scored, [.. s.Failing]);
        })];

    private sealed class State
    {
        public double Sum { get; set; }

        public int Scored { get; set; }

        public int NotRun { get; set; }

        public int Errored { get; set; }

        public List<string> Failing { get; } = [];
    }
}
