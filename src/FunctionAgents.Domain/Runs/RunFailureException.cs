using FunctionAgents.Domain.Events;

namespace FunctionAgents.Domain.Runs;

/// <summary>
/// Thrown by a planner or response builder to end the run with a named reason instead of a retry, e.g.
/// <c>model_auth</c> when the model endpoint refuses the credentials. The message must hold no secret.
/// </summary>
public sealed class RunFailureException : Exception
{
    public RunFailureException()
    {
    }

    public RunFailureException(string message)
        : base(message)
    {
    }

    public RunFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunFailureException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The RunFailed code, e.g. <see cref="FailureCodes.ModelAuth"/>.</summary>
    public string Code { get; } = FailureCodes.EngineError;

    /// <summary>Model calls made before the failure; the activity records them (and their cost) first.</summary>
    public IReadOnlyList<ModelCalled> CallsMade { get; init; } = [];
}
