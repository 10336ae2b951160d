using FunctionAgents.Domain.Runs;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>The RunFailed codes a model call can end a run with.</summary>
internal static class ModelFailureCodes
{
    /// <summary>The endpoint refused the credentials (401/403) or no Entra ID token could be had. Never retried.</summary>
    public const string ModelAuth = FailureCodes.ModelAuth;

    /// <summary>Throttled, server errors or unreachable after the bounded retries.</summary>
    public const string ModelUnavailable = "model_unavailable";

    /// <summary>No answer within the per-attempt or the total time limit.</summary>
    public const string ModelTimeout = "model_timeout";

    /// <summary>The endpoint refused the request itself (another 4xx, such as an unknown deployment).</summary>
    public const string ModelRejected = "model_rejected";
}
