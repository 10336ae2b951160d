using Microsoft.Extensions.AI;

namespace FunctionAgents.Runtime.Models;

/// <summary>
/// What the journal records about a call besides the exchange itself. The caller attaches it to the request's
/// <see cref="ChatOptions"/> (<see cref="Attach"/>) so <see cref="RecordingChatClient"/> can write the ModelCalled record.
/// </summary>
/// <param name="Purpose">What ModelCalled.Purpose records: <c>plan</c>, <c>repair</c>, <c>answer</c>, <c>judge</c>…</param>
/// <param name="Deployment">The deployment (or model) the call is sent to, as recorded and priced.</param>
/// <param name="Model">The model behind the deployment, recorded when the response does not name one.</param>
/// <param name="PromptVersion">The prompt file's version, e.g. <c>planner/v2</c>.</param>
/// <param name="PromptHash">SHA-256 of the rendered instructions (the system message).</param>
/// <param name="EstimatedInputTokens">Recorded as the input tokens when the provider reports no usage.</param>
public sealed record ModelCallInfo(
    string Purpose, string Deployment, string? Model, string PromptVersion, string PromptHash, int EstimatedInputTokens)
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key the info travels under.</summary>
    public const string OptionsKey = "fa.model_call";

    /// <summary>Attaches this info to <paramref name="options"/> and returns them.</summary>
    public ChatOptions Attach(ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[OptionsKey] = this;
        return options;
    }

    /// <summary>The info attached to <paramref name="options"/>, if any.</summary>
    public static ModelCallInfo? From(ChatOptions? options) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(OptionsKey, out var value) ? value as ModelCallInfo : null;
}
