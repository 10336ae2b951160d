using System.Text.Json;
using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Domain.Evaluation.Scoring;

/// <summary>
/// The deterministic judge: 1 for an executed step whose tool succeeded with a non-empty output, 0.5 when it
/// succeeded with an empty output (null, "", [] or {}: the criteria can hardly be met by nothing), 0 when the tool
/// failed or the step was rejected or never ran. It does not read the criteria text, so it needs no model.
/// </summary>
public sealed class DefaultStepScorer : IStepScorer
{
    public static DefaultStepScorer Instance { get; } = new();

    public string Name => "default";

    public double Score(StepState planStep)
    {
        ArgumentNullException.ThrowIfNull(planStep);
        if (planStep.Phase != StepPhase.Executed || planStep.Observation is not { Success: true } observation)
        {
            return 0d;
        }

        return IsEmpty(observation.Output) ? 0.5d : 1d;
    }

    private static bool IsEmpty(JsonElement? output) => output is not { } value || value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        _ => false,
    };
}
