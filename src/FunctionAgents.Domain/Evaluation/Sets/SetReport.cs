using System.Text.Json.Serialization;

namespace FunctionAgents.Domain.Evaluation.Sets;

/// <summary>
/// The report of an evaluation-set run (<c>fa eval run</c>); its JSON form is documented in docs/evaluation.md
/// ("Report schema"). <see cref="Kind"/> tells it from a replay report.
/// </summary>
/// <param name="Kind">Always <see cref="KindName"/>.</param>
/// <param name="SchemaVersion">The report schema version (<see cref="CurrentSchemaVersion"/>).</param>
/// <param name="Set">The set's name.</param>
/// <param name="Source">The set's file.</param>
/// <param name="Judge">The judge model and prompt version of the judged evaluators; null when none was configured.</param>
/// <param name="Baseline">The current configuration's runs and scores.</param>
/// <param name="Candidate">The candidate's, when one was given.</param>
/// <param name="Comparison">Per evaluator, candidate against baseline (empty without a candidate).</param>
public sealed record SetReport(
    string Kind,
    int SchemaVersion,
    string Set,
    string Source,
    DateTimeOffset GeneratedAt,
    JudgeInfo? Judge,
    SetSide Baseline,
    SetSide? Candidate,
    IReadOnlyList<EvaluatorComparison> Comparison)
{
    public const string KindName = "evaluation-set";

    public const int CurrentSchemaVersion = 1;

    /// <summary>The side the gate judges: the candidate when there is one.</summary>
    [JsonIgnore]
    public SetSide Gated => Candidate ?? Baseline;
}

/// <summary>Which model judged and with which prompt versions.</summary>
public sealed record JudgeInfo(string Model, IReadOnlyDictionary<string, string> PromptVersions);

/// <summary>One configuration's cases and per-evaluator summaries.</summary>
public sealed record SetSide(string Label, SetConfiguration Configuration, IReadOnlyList<CaseResult> Cases, IReadOnlyList<EvaluatorSummary> Evaluators);

/// <summary>What ran: the planner and builder, the prompt version, the policy (file and version) and the model.</summary>
public sealed record SetConfiguration(string Planner, string? PromptVersion, string Policy, string? PolicyVersion, string? Model);

/// <summary>One case's run and every evaluator's metric; <see cref="Error"/> set when the run could not start or finish.</summary>
public sealed record CaseResult(
    string CaseId,
    string? RunId,
    string? Status,
    string? Error,
    string? Answer,
    IReadOnlyList<string> Tools,
    IReadOnlyList<MetricResult> Metrics)
{
    public bool Errored => Error is not null;
}

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

/// <summary>
/// Candidate against baseline for one evaluator over the cases both scored: the mean delta, how many cases improved and
/// dropped, the one-sided exact sign-test p-value of the drops, and whether that is a significant regression.
/// </summary>
public sealed record EvaluatorComparison(
    string Evaluator, int Paired, double? BaselineMean, double? CandidateMean, double? Delta, int Improved, int Dropped, double PValue, bool Regression);
