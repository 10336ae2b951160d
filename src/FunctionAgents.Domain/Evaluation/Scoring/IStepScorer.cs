using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Scoring;

/// <summary>
/// Judges how well one plan step met its success criteria, from 0 (not at all) to 1 (fully). Pluggable: a model-graded
/// judge can replace <see cref="DefaultStepScorer"/>, but must then be recorded like any model call to stay replayable.
/// </summary>
public interface IStepScorer
{
    /// <summary>Recorded in reports so scores from different judges are never compared unknowingly.</summary>
    string Name { get; }

    /// <summary>A score in [0, 1] for <paramref name="planStep"/> as the run left it (phase, observation, success criteria).</summary>
    double Score(StepState planStep);
}
