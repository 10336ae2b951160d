using FunctionAgents.Domain.Evaluation.Checks;
using FunctionAgents.Domain.Evaluation.Replay;

namespace FunctionAgents.Domain.Evaluation.Reporting;

/// <summary>
/// The result of one evaluation: which runs were replayed under which configuration, their metrics overall and per
/// day, route, model and tenant, alerts, and the runs that diverged or regressed. Serialized with
/// <see cref="EvaluationJson"/>; stored as the evaluation's JSON report.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>The report format this build writes.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The evaluation's id; its journal (EvaluationStarted, RunScored, EvaluationCompleted) is under this id.</summary>
    public required string EvaluationId { get; init; }

    /// <summary><c>nightly</c>, <c>manual</c> (HTTP) or <c>cli</c>.</summary>
    public required string Trigger { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>First UTC day of the window (runs created on it are included).</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last UTC day of the window, inclusive.</summary>
    public required DateOnly To { get; init; }

    /// <summary>The tenant the evaluation was limited to, or null for every tenant.</summary>
    public string? TenantId { get; init; }

    public required ReplayMode Mode { get; init; }

    /// <summary>Version (content hash) of the policy the replay ran.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>True when the replay ran a candidate policy instead of the current one.</summary>
    public bool CandidatePolicy { get; init; }

    public string? CandidatePromptVersion { get; init; }

    /// <summary>The step scorer that judged quality.</summary>
    public required string StepScorer { get; init; }

    public int RunsScored { get; init; }

    public int RunsSkipped { get; init; }

    public GroupMetrics? Overall { get; init; }

    public IReadOnlyList<GroupMetrics> Days { get; init; } = [];

    public IReadOnlyList<GroupMetrics> Routes { get; init; } = [];

    public IReadOnlyList<GroupMetrics> Models { get; init; } = [];

    public IReadOnlyList<GroupMetrics> Tenants { get; init; } = [];

    public IReadOnlyList<EvaluationAlert> Alerts { get; init; } = [];

    /// <summary>
    /// Per evaluator over the window's runs as recorded (the evaluators that need no labels; judged ones on a sample),
    /// when the service was given evaluators; null otherwise.
    /// </summary>
    public IReadOnlyList<EvaluatorSummary>? Evaluators { get; init; }

    /// <summary>
    /// Per UTC day and tenant, each evaluator's results (what the evaluation journaled as <c>EvaluatorsScored</c>):
    /// the per-evaluator trend and its drop alerts read these. Empty without evaluators, and in reports written before them.
    /// </summary>
    public IReadOnlyList<EvaluatorDay> EvaluatorDays { get; init; } = [];

    /// <summary>Up to <see cref="EvaluationAggregator.MaxListed"/> runs whose replay diverged.</summary>
    public IReadOnlyList<DivergenceSummary> Divergences { get; init; } = [];

    /// <summary>Up to <see cref="EvaluationAggregator.MaxListed"/> policy regressions.</summary>
    public IReadOnlyList<Scoring.PolicyRegression> Regressions { get; init; } = [];
}

/// <summary>The metrics of one group of runs (all runs, a day, a route, a model or a tenant), baseline against candidate.</summary>
/// <param name="Key">The group: <c>all</c>, a day <c>yyyy-MM-dd</c>, a route, a model or a tenant id.</param>
/// <param name="ReplayDelta">Candidate mean quality minus baseline mean quality.</param>
/// <param name="CostDelta">(candidate cost - baseline cost) / baseline cost; 0 when both are 0, null when only the baseline is 0.</param>
/// <param name="PolicyRegressions">Steps whose policy decision differs from the baseline's.</param>
/// <param name="DivergentRuns">Runs whose replay differs from the recording.</param>
/// <param name="UnrecordedCalls">Tool calls the replays needed but the recordings did not hold.</param>
public sealed record GroupMetrics(
    string Key,
    int Runs,
    SideMetrics Baseline,
    SideMetrics Candidate,
    double ReplayDelta,
    double? CostDelta,
    int PolicyRegressions,
    int DivergentRuns,
    int UnrecordedCalls);
