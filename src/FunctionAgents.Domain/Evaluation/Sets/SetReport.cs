using System.Text.Json.Serialization;
using FunctionAgents.Domain.Evaluation.Checks;

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

/// <summary>
/// Candidate against baseline for one evaluator over the cases both scored: the mean delta, how many cases improved and
/// dropped, the one-sided exact sign-test p-value of the drops, and whether that is a significant regression.
/// </summary>
public sealed record EvaluatorComparison(
    string Evaluator, int Paired, double? BaselineMean, double? CandidateMean, double? Delta, int Improved, int Dropped, double PValue, bool Regression);
