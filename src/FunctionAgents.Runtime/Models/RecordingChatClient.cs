using System.Diagnostics;
using System.Runtime.CompilerServices;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Telemetry;
using Microsoft.Extensions.AI;

namespace FunctionAgents.Runtime.Models;

/// <summary>
/// Middleware that turns every completed call into the journal's <see cref="ModelCalled"/> record, whichever provider
/// answered: purpose, prompt version and hashes from the request's <see cref="ModelCallInfo"/>, model, usage, finish
/// reason and the raw text from the response, latency measured here. The record rides back on the response
/// (<see cref="Recorded"/>); the activity that made the call appends it with its cost in the step's one batch, so a
/// call and the step that caused it are journaled together or not at all. Replay substitutes these records and calls
/// no model.
/// </summary>
public sealed class RecordingChatClient : DelegatingChatClient
{
    /// <summary>The <see cref="ChatResponse.AdditionalProperties"/> key the record travels under.</summary>
    public const string ResponseKey = "fa.model_called";

    private const int CharactersPerToken = 4;

    private readonly TimeProvider _clock;
    private readonly ModelCallInfo? _defaults;

    /// <summary>Records the calls made through <paramref name="innerClient"/>; latency is measured on <paramref name="clock"/>.</summary>
    /// <param name="defaults">What is recorded for a request that carries no <see cref="ModelCallInfo"/> (e.g. purpose <c>judge</c>).</param>
    public RecordingChatClient(IChatClient innerClient, TimeProvider? clock = null, ModelCallInfo? defaults = null)
        : base(innerClient)
    {
        _clock = clock ?? TimeProvider.System;
        _defaults = defaults;
    }

    /// <summary>The record of the call that produced <paramref name="response"/>, if it went through this middleware.</summary>
    public static ModelCalled? Recorded(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.AdditionalProperties is { } properties && properties.TryGetValue(ResponseKey, out var value) ? value as ModelCalled : null;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var started = _clock.GetTimestamp();
        var response = await base.GetResponseAsync(sent, options, cancellationToken).ConfigureAwait(false);
        return Attach(response, sent, options, started);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var started = _clock.GetTimestamp();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(sent, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        // A streamed call is recorded once it has ended; the caller reads the record from the combined response.
        Attach(updates.ToChatResponse(), sent, options, started);
    }

    private ChatResponse Attach(ChatResponse response, IReadOnlyList<ChatMessage> sent, ChatOptions? options, long started)
    {
        var latency = (long)_clock.GetElapsedTime(started).TotalMilliseconds;
        var call = Record(sent, ModelCallInfo.From(options) ?? _defaults, options, response, latency);
        response.AdditionalProperties ??= [];
        response.AdditionalProperties[ResponseKey] = call;
        TagSpan(call.Purpose);
        return response;
    }

    /// <summary>
    /// Puts the purpose, and the run's tags from the step span above it, on the gen_ai span the OpenTelemetry middleware
    /// started around this client, so the model span is found by run like every other span. Nothing when no one listens.
    /// </summary>
    private static void TagSpan(string purpose)
    {
        if (Activity.Current is not { } span || span.GetTagItem(TelemetryTags.GenAiOperation) is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.Purpose, purpose);
        foreach (var key in (string[])[TelemetryTags.RunId, TelemetryTags.Tenant, TelemetryTags.CorrelationId])
        {
            if (span.Parent?.GetTagItem(key) is { } value)
            {
                span.SetTag(key, value);
            }
        }
    }

    private static ModelCalled Record(IReadOnlyList<ChatMessage> sent, ModelCallInfo? info, ChatOptions? options, ChatResponse response, long latencyMs)
    {
        var text = Text(response);
        var deployment = info?.Deployment ?? options?.ModelId ?? response.ModelId ?? "unknown";
        return new ModelCalled(
            info?.Purpose ?? "unspecified",
            deployment,
            string.IsNullOrEmpty(response.ModelId) ? info?.Model ?? deployment : response.ModelId,
            info?.PromptVersion ?? string.Empty,
            info?.PromptHash ?? string.Empty,
            ModelHashes.OfMessages(sent.Select(m => (m.Role.Value, m.Text))),
            text,
            Tokens(response.Usage?.InputTokenCount) ?? info?.EstimatedInputTokens ?? 0,
            Tokens(response.Usage?.OutputTokenCount) ?? ((text.Length + CharactersPerToken - 1) / CharactersPerToken),
            latencyMs,
            response.FinishReason?.Value ?? "unknown");
    }

    /// <summary>The text exactly as received; a refusal's text when the model refused; empty when it sent neither (a tool call).</summary>
    private static string Text(ChatResponse response)
    {
        var text = response.Text;
        if (text.Length > 0)
        {
            return text;
        }

        return response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>().Select(e => e.Message).FirstOrDefault() ?? string.Empty;
    }

    private static int? Tokens(long? count) => count is { } value ? (int)Math.Min(value, int.MaxValue) : null;
}
