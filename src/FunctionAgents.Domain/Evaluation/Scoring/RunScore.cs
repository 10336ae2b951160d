using System.Text.Json.Serialization;
using FunctionAgents.Domain.Evaluation.Replay;

namespace FunctionAgents.Domain.Evaluation.Scoring;

/// <summary>One evaluated run: who and where it belongs to, its baseline and candidate scores, and how the replay went.</summary>
/// <param name="Day">The UTC day the run started.</param>
/// <param name="Route">The run's <c>route</c> metadata, or <c>(none)</c>.</param>
/// <param name="Model">The model of the run's first model call, else its planner's name, else <c>(none)</c>.</param>
/// <param name="Baseline">Scores of the run as recorded.</param>
/// <param name="Candidate">Scores of the run as replayed.</param>
/// <param name="DivergedAtSeq">The first Seq where the replay differs from the recording, or null.</param>
/// <param name="Divergence">What differs there.</param>
public sealed record RunScore(
    string RunId,
    string TenantId,
    DateOnly Day,
    string Route,
    string Model,
    RunSideScore Baseline,
    RunSideScore Candidate,
    IReadOnlyList<PolicyRegression> Regressions,
    ReplayStatus ReplayStatus,
    long? DivergedAtSeq,
    string? Divergence,
    int UnrecordedCalls)
{
    public bool Deterministic => DivergedAtSeq is null;

    /// <summary>
    /// Personal-data fields of the recorded run that read <c>[erased]</c> (its data subject was erased). When above
    /// zero, scores that depend on that text (the answer, tool inputs the policy matches on) were computed without it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int ErasedFields { get; init; }

    /// <summary>Candidate quality minus baseline quality.</summary>
    public double QualityDelta => Candidate.Quality - Baseline.Quality;
}
