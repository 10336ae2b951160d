namespace FunctionAgents.Domain.Evaluation.Scoring;

/// <summary>A step whose policy decision in the replay differs from the recorded one.</summary>
/// <param name="Baseline">The recorded decision: <c>allow</c>, <c>deny</c>, <c>require_human_approval</c> or <c>none</c> (not reached).</param>
/// <param name="Candidate">The replayed decision, in the same terms.</param>
public sealed record PolicyRegression(string RunId, string StepId, string Tool, string Baseline, string Candidate);
