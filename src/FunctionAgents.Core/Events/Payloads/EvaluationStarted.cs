namespace FunctionAgents.Core.Events.Payloads;

/// <summary>An evaluation began replaying the finished runs of a window (journaled under the evaluation id).</summary>
/// <param name="From">First UTC day of the window.</param>
/// <param name="To">Last UTC day of the window, inclusive.</param>
/// <param name="TenantId">The tenant it is limited to, or null for all.</param>
/// <param name="Trigger"><c>nightly</c>, <c>manual</c> or <c>cli</c>.</param>
/// <param name="Mode"><c>recorded</c> or <c>live</c>.</param>
/// <param name="PolicyVersion">Content hash of the policy the replay runs.</param>
/// <param name="CandidatePolicy">True when that policy is a candidate rather than the current one.</param>
public sealed record EvaluationStarted(
    DateOnly From,
    DateOnly To,
    string? TenantId,
    string Trigger,
    string Mode,
    string PolicyVersion,
    bool CandidatePolicy,
    string? CandidatePromptVersion,
    string StepScorer) : EventPayload;
