namespace FunctionAgents.Core.Events.Payloads;

/// <summary>
/// One model call, recorded completely enough that replay substitutes it and never calls the model.
/// </summary>
/// <param name="Purpose"><c>plan</c>, <c>repair</c> or <c>answer</c>.</param>
/// <param name="RequestHash">SHA-256 of the request messages (not the messages: they may hold user data twice).</param>
/// <param name="RawResponse">The model's response text exactly as received.</param>
public sealed record ModelCalled(
    string Purpose,
    string Deployment,
    string Model,
    string PromptVersion,
    string PromptHash,
    string RequestHash,
    string RawResponse,
    int InputTokens,
    int OutputTokens,
    long LatencyMs,
    string FinishReason) : EventPayload;
