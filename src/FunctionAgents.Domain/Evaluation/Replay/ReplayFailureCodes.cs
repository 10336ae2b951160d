namespace FunctionAgents.Domain.Evaluation.Replay;

/// <summary>RunFailed codes that only a replay produces.</summary>
public static class ReplayFailureCodes
{
    /// <summary>The replayed run needed a model output (plan or answer) that the recording does not hold.</summary>
    public const string UnrecordedModelOutput = "unrecorded_model_output";

    /// <summary>The error code of the observation a replay returns for a tool call it did not execute.</summary>
    public const string UnrecordedToolCall = "unrecorded";
}
