using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Policy;
using FunctionAgents.Domain.Privacy;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Scoring;

/// <summary>
/// Scores a replayed run against its recording: quality, cost, latency and policy for both versions, and the
/// policy regressions between them (steps, matched by id, whose decision differs). Pure: no clock, no I/O.
/// </summary>
public sealed class RunScorer
{
    /// <summary>The metadata key whose value groups runs by route.</summary>
    public const string RouteMetadataKey = "route";

    /// <summary>The group of runs without a route or model.</summary>
    public const string None = "(none)";

    private readonly IStepScorer _steps;

    public RunScorer(IStepScorer? stepScorer = null) => _steps = stepScorer ?? DefaultStepScorer.Instance;

    public string StepScorerName => _steps.Name;

    public RunScore Score(ReplayResult replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var recorded = replay.RecordedState;
        var candidateStatus = replay.Status == ReplayStatus.AwaitingApproval ? "awaiting_approval" : null;
        return new RunScore(
            replay.RunId,
            recorded.TenantId,
            DateOnly.FromDateTime((recorded.StartedAt ?? replay.Recorded[0].OccurredAt).UtcDateTime),
            recorded.Metadata?.GetValueOrDefault(RouteMetadataKey) is { Length: > 0 } route ? route : None,
            ModelOf(replay.Recorded, recorded),
            ScoreSide(replay.Recorded, recorded),
            ScoreSide(replay.Replayed, replay.ReplayedState, candidateStatus),
            Regressions(replay.RunId, recorded, replay.ReplayedState),
            replay.Status,
            replay.Divergence?.Seq,
            replay.Divergence?.Difference,
            replay.UnrecordedCalls.Count)
        {
            ErasedFields = replay.Recorded.Sum(PersonalDataMask.CountErased),
        };
    }

    /// <summary>Scores one version of a run from its events and their fold.</summary>
    /// <param name="status">Overrides the status name (a replay that stopped to wait for a human).</param>
    public RunSideScore ScoreSide(IReadOnlyList<RunEvent> events, RunState state, string? status = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(state);
        var takenOver = state.Steps.Exists(s => s.DecidedBy == "human" && s.Phase == StepPhase.Rejected);
        var success = state.Status == RunStatus.Completed && !takenOver;
        var planValid = state.Plan is not null;
        var quality = success && planValid && state.Steps.Count > 0 ? state.Steps.Average(_steps.Score) : 0d;
        return new RunSideScore(
            status ?? RunStatusNames.ToName(state.Status),
            success,
            planValid,
            Math.Clamp(quality, 0d, 1d),
            state.CostUsd,
            FirstApprovedAt(events) is { } approved && state.StartedAt is { } started ? Milliseconds(approved - started) : null,
            state.FinishedAt is { } finished && state.StartedAt is { } start ? Milliseconds(finished - start) : null,
            state.Steps.Count(s => s.Decision == PolicyAction.Deny && !string.IsNullOrEmpty(s.PolicyVersion)),
            state.Steps.Count(s => s.Decision == PolicyAction.RequireHumanApproval),
            state.FailureCode);
    }

    private static List<PolicyRegression> Regressions(string runId, RunState baseline, RunState candidate)
    {
        var regressions = new List<PolicyRegression>();
        var ids = baseline.Steps.Select(s => s.Id).Union(candidate.Steps.Select(s => s.Id), StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var before = baseline.FindStep(id);
            var after = candidate.FindStep(id);
            var was = Decision(before);
            var now = Decision(after);
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                regressions.Add(new PolicyRegression(runId, id, (before ?? after)!.Tool, was, now));
            }
        }

        return regressions;
    }

    private static string Decision(StepState? step) =>
        step?.Decision is { } decision ? PolicyActionText.ToText(decision) : "none";

    private static DateTimeOffset? FirstApprovedAt(IReadOnlyList<RunEvent> events)
    {
        foreach (var e in events)
        {
            var approved = e.Type switch
            {
                nameof(ToolApproved) or nameof(HumanApproved) => true,
                nameof(ApprovalExpired) => e.PayloadAs<ApprovalExpired>().Outcome == PolicyAction.Allow,
                _ => false,
            };
            if (approved)
            {
                return e.OccurredAt;
            }
        }

        return null;
    }

    private static string ModelOf(IReadOnlyList<RunEvent> events, RunState state)
    {
        var call = events.FirstOrDefault(e => e.Type == nameof(ModelCalled));
        return call is not null ? call.PayloadAs<ModelCalled>().Model
            : state.Planner is { Length: > 0 } planner ? planner
            : None;
    }

    private static long Milliseconds(TimeSpan span) => (long)Math.Max(0, span.TotalMilliseconds);
}

/// <summary>A step whose policy decision in the replay differs from the recorded one.</summary>
/// <param name="Baseline">The recorded decision: <c>allow</c>, <c>deny</c>, <c>require_human_approval</c> or <c>none</c> (not reached).</param>
/// <param name="Candidate">The replayed decision, in the same terms.</param>
public sealed record PolicyRegression(string RunId, string StepId, string Tool, string Baseline, string Candidate);
