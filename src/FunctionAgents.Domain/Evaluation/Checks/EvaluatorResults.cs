namespace FunctionAgents.Domain.Evaluation.Checks;

/// <summary>One evaluator's metric on one run.</summary>
/// <param name="Evaluator">The evaluator's name (e.g. <c>answer_facts</c>).</param>
/// <param name="Value">0..1 for deterministic evaluators, 1..5 for judged; null when not run or errored.</param>
/// <param name="Rating">The interpretation's rating (unknown, inconclusive, unacceptable, poor, average, good, exceptional).</param>
/// <param name="Failed">The interpretation's verdict.</param>
/// <param name="Errored">The evaluator could not score the run (e.g. a judge answered outside its schema).</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record MetricResult(string Evaluator, double? Value, string Rating, bool Failed, bool Errored, string Reason)
{
    /// <summary>Neither scored nor errored: the evaluator did not apply or had no model.</summary>
    public bool NotRun => Value is null && !Errored;
}

/// <summary>An evaluator over all cases of one side.</summary>
/// <param name="Mean">Mean value over the scored cases; null when none was scored.</param>
/// <param name="FailedCases">The ids of the cases it failed (including errored metrics).</param>
public sealed record EvaluatorSummary(string Evaluator, int Scored, int NotRun, int Errored, double? Mean, IReadOnlyList<string> FailedCases);
