using FunctionAgents.Domain.Evaluation.Checks;

namespace FunctionAgents.Domain.Evaluation.Sets;

/// <summary>Per-evaluator summaries of a side, and the candidate-versus-baseline comparison.</summary>
public static class SetSummaries
{
    /// <summary>The significance level below which a drop is a regression.</summary>
    public const double Alpha = 0.05;

    /// <summary>The report of a set run: the sides, and their comparison when there is a candidate.</summary>
    public static SetReport Report(EvaluationSet set, DateTimeOffset generatedAt, JudgeInfo? judge, SetSide baseline, SetSide? candidate)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(baseline);
        return new SetReport(
            SetReport.KindName,
            SetReport.CurrentSchemaVersion,
            set.Name,
            set.Source,
            generatedAt,
            judge,
            baseline,
            candidate,
            candidate is null ? [] : Compare(baseline, candidate));
    }

    /// <summary>One summary per evaluator, in the order evaluators first appear.</summary>
    public static IReadOnlyList<EvaluatorSummary> Summarize(IReadOnlyList<CaseResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. Evaluators(cases).Select(name =>
        {
            var metrics = cases.SelectMany(c => c.Metrics.Where(m => m.Evaluator == name).Select(m => (c.CaseId, Metric: m))).ToList();
            var scored = metrics.Where(m => m.Metric.Value is not null).Select(m => m.Metric.Value!.Value).ToList();
            return new EvaluatorSummary(
                name,
                scored.Count,
                metrics.Count(m => m.Metric.NotRun),
                metrics.Count(m => m.Metric.Errored),
                scored.Count == 0 ? null : scored.Average(),
                [.. metrics.Where(m => m.Metric.Failed || m.Metric.Errored).Select(m => m.CaseId)]);
        })];
    }

    /// <summary>
    /// Compares the candidate with the baseline per evaluator over the cases scored on both sides, with an exact paired
    /// sign test: under "no change" a case is as likely to drop as to improve, so the chance of at least the observed
    /// drops among the changed cases is a binomial tail. It needs no seed and no distribution assumption, and suits
    /// the few, mostly 0-or-1 scores of a labelled set, where a bootstrap resamples the same handful of values.
    /// </summary>
    public static IReadOnlyList<EvaluatorComparison> Compare(SetSide baseline, SetSide candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        var result = new List<EvaluatorComparison>();
        foreach (var name in Evaluators(baseline.Cases).Union(Evaluators(candidate.Cases)))
        {
            var pairs = new List<(double Base, double Cand)>();
            foreach (var b in baseline.Cases)
            {
                var c = candidate.Cases.FirstOrDefault(x => x.CaseId == b.CaseId);
                if (Value(b, name) is { } bv && c is not null && Value(c, name) is { } cv)
                {
                    pairs.Add((bv, cv));
                }
            }

            var dropped = pairs.Count(p => p.Cand < p.Base);
            var improved = pairs.Count(p => p.Cand > p.Base);
            var p = SignTestPValue(dropped, dropped + improved);
            double? baseMean = pairs.Count == 0 ? null : pairs.Average(x => x.Base);
            double? candMean = pairs.Count == 0 ? null : pairs.Average(x => x.Cand);
            var delta = candMean - baseMean;
            result.Add(new EvaluatorComparison(name, pairs.Count, baseMean, candMean, delta, improved, dropped, p, delta < 0 && p < Alpha));
        }

        return result;
    }

    /// <summary>P(X ≥ <paramref name="dropped"/>) for X ~ Binomial(<paramref name="changed"/>, 1/2); 1 when nothing changed.</summary>
    public static double SignTestPValue(int dropped, int changed)
    {
        if (changed <= 0 || dropped <= 0)
        {
            return 1;
        }

        double tail = 0;
        double coefficient = 1;
        for (var k = 0; k <= changed; k++)
        {
            if (k >= dropped)
            {
                tail += coefficient;
            }

            coefficient = coefficient * (changed - k) / (k + 1);
        }

        return Math.Min(1, tail / Math.Pow(2, changed));
    }

    private static double? Value(CaseResult c, string evaluator) => c.Metrics.FirstOrDefault(m => m.Evaluator == evaluator)?.Value;

    private static IEnumerable<string> Evaluators(IReadOnlyList<CaseResult> cases) => cases.SelectMany(c => c.Metrics).Select(m => m.Evaluator).Distinct(StringComparer.Ordinal);
}
