using Azure.AI.OpenAI.Chat;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using MeaiResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using SdkResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Provider wiring for the OpenAI-SDK clients: the SDK request options that <see cref="ChatOptions"/> cannot say.
/// A JSON-schema response format asked for as strict (<see cref="StrictKey"/>) goes out with <c>strict: true</c>, the
/// schema exactly as given; on <c>AzureOpenAIClient</c> the output cap is sent as <c>max_completion_tokens</c> (as the
/// plain client and reasoning models want it) rather than the old <c>max_tokens</c>.
/// </summary>
internal sealed class OpenAIRequestOptions(IChatClient innerClient, bool azure) : DelegatingChatClient(innerClient)
{
    /// <summary>
    /// The <see cref="ChatOptions.AdditionalProperties"/> key that asks for a strict JSON schema: the key
    /// Microsoft.Extensions.AI.OpenAI reads too, so a registered OpenAI-based client sends <c>strict: true</c> as well.
    /// </summary>
    public const string StrictKey = "strict";

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Adapt(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Adapt(options), cancellationToken);

    private ChatOptions? Adapt(ChatOptions? options)
    {
        if (options is null || options.RawRepresentationFactory is not null)
        {
            return options;
        }

        var strict = options.AdditionalProperties?.TryGetValue(StrictKey, out var value) == true && value is true;
        var format = options.ResponseFormat as ChatResponseFormatJson;
        var adapted = options.Clone();
        var adaptedCap = options.MaxOutputTokens;
        adapted.RawRepresentationFactory = _ =>
        {
            var sdk = new ChatCompletionOptions();
            if (format?.Schema is { } schema)
            {
                sdk.ResponseFormat = SdkResponseFormat.CreateJsonSchemaFormat(
                    format.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()), format.SchemaDescription, jsonSchemaIsStrict: strict);
            }

            if (azure)
            {
                // The switch rewrites the cap already set, so the cap is set here rather than left to the adapter.
                sdk.MaxOutputTokenCount = adaptedCap;
#pragma warning disable AOAI001 // marked experimental; the recorded requests and reasoning models use max_completion_tokens
                sdk.SetNewMaxCompletionTokensPropertyEnabled(true);
#pragma warning restore AOAI001
            }

            return sdk;
        };
        return adapted;
    }
}
