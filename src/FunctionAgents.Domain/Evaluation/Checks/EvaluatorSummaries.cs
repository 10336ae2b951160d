using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Evaluation.Checks;

/// <summary>Combines per-day evaluator results into one summary per evaluator.</summary>
public static class EvaluatorSummaries
{
    /// <summary>
    /// Per evaluator, in the order first seen: summed counts, the mean weighted by scored runs, and the failing run ids of
    /// every group (at most <see cref="EvaluatorAccumulator.MaxFailingRuns"/>).
    /// </summary>
    public static IReadOnlyList<EvaluatorSummary> Combine(IEnumerable<IReadOnlyList<EvaluatorResult>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var order = new List<string>();
        var totals = new Dictionary<string, (int Scored, int NotRun, int Errored, double Sum, List<string> Failing)>(StringComparer.Ordinal);
        foreach (var result in groups.SelectMany(g => g))
        {
            if (!totals.TryGetValue(result.Evaluator, out var t))
            {
                order.Add(result.Evaluator);
                t = (0, 0, 0, 0d, []);
            }

            var room = EvaluatorAccumulator.MaxFailingRuns - t.Failing.Count;
            t.Failing.AddRange(result.FailingRuns.Take(Math.Max(0, room)));
            totals[result.Evaluator] = (
                t.Scored + result.Scored, t.NotRun + result.NotRun, t.Errored + result.Errored, t.Sum + ((result.Mean ?? 0) * result.Scored), t.Failing);
        }

        return [.. order.Select(name =>
        {
            var t = totals[name];
            return new EvaluatorSummary(name, t.Scored, t.NotRun, t.Errored, t.Scored == 0 ? null : t.Sum / t.Scored, t.Failing);
        })];
    }
}
