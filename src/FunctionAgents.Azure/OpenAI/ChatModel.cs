using Azure.AI.OpenAI.Chat;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// One model deployment, through Azure.AI.OpenAI (or the plain OpenAI client for OpenAI-compatible endpoints, see
/// <see cref="ChatClientFactory"/>). Each call is checked against the remaining budget before anything
/// is sent, bounded in time (per attempt and in total), retried per <see cref="ModelRetryPolicy"/>, and returned as a
/// complete <see cref="ModelCalled"/>. Failures become <see cref="Domain.Runs.RunFailureException"/>s whose messages
/// name the cause and never a key or token.
/// </summary>
internal sealed partial class ChatModel
{
    /// <summary>The Entra ID scope of Azure OpenAI.</summary>
    public const string EntraScope = "https://cognitiveservices.azure.com/.default";

    private readonly ChatClient _client;
    private readonly AzureOpenAIOptions _options;
    private readonly string? _model;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;

    public ChatModel(AzureOpenAIOptions options, string deployment, string? model, ILogger logger, TimeProvider clock)
    {
        _options = options;
        Deployment = deployment;
        _model = model;
        _logger = logger;
        _clock = clock;
        _client = ChatClientFactory.Create(options, deployment, logger, clock);
    }

    public string Deployment { get; }

    /// <summary>The price a call to this deployment is estimated at: by its configured model, else by deployment name.</summary>
    public ModelPrice Price => _options.Prices.For(_model ?? Deployment);

    /// <summary>Sends one request and records it.</summary>
    /// <exception cref="BudgetWouldBeExceededException">The estimate exceeds <paramref name="remainingBudgetUsd"/>; nothing was sent.</exception>
    /// <exception cref="Domain.Runs.RunFailureException">The call failed; the code says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ModelCalled> CallAsync(ModelCallRequest request, decimal? remainingBudgetUsd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var estimatedInput = ModelTokens.EstimateInput(request);
        var estimate = Price.CostOf(estimatedInput, request.MaxOutputTokens);
        if (remainingBudgetUsd is { } remaining && estimate > remaining)
        {
            Log.BudgetRefused(_logger, request.Purpose, Deployment, estimate, remaining);
            throw new BudgetWouldBeExceededException($"the {request.Purpose} call to model deployment '{Deployment}'", estimate, remaining);
        }

        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = request.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                request.Format.Name, BinaryData.FromString(request.Format.Schema), request.Format.Description, jsonSchemaIsStrict: true),
        };
        if (_options.Client == ModelClientKind.AzureOpenAI)
        {
            // AzureOpenAIClient sends the old max_tokens unless told otherwise; the recorded requests (and reasoning
            // models) use max_completion_tokens, as the plain client sends it. The switch is marked experimental (AOAI001).
#pragma warning disable AOAI001
            options.SetNewMaxCompletionTokensPropertyEnabled(true);
#pragma warning restore AOAI001
        }

        var messages = request.Messages.Select(m => m.ToChatMessage()).ToList();

        using var timeout = new CancellationTokenSource(_options.TotalTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = _clock.GetTimestamp();
        ChatCompletion completion;
        try
        {
            completion = (await _client.CompleteChatAsync(messages, options, linked.Token).ConfigureAwait(false)).Value;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = ModelFailures.Describe(ex, timeout.IsCancellationRequested, Deployment, _options, _clock);
            Log.CallFailed(_logger, request.Purpose, Deployment, failure.Code, ex.GetType().Name);
            throw failure;
        }

        var latency = (long)_clock.GetElapsedTime(started).TotalMilliseconds;
        var text = ChatCompletionReader.Text(completion);
        var call = new ModelCalled(
            request.Purpose,
            Deployment,
            string.IsNullOrEmpty(completion.Model) ? _model ?? Deployment : completion.Model,
            request.PromptVersion,
            request.PromptHash,
            ModelHashes.OfMessages(request.Messages),
            text,
            completion.Usage?.InputTokenCount ?? estimatedInput,
            completion.Usage?.OutputTokenCount ?? ModelTokens.Estimate(text.Length),
            latency,
            ChatCompletionReader.FinishReason(completion.FinishReason));
        Log.Called(_logger, call.Purpose, Deployment, call.Model, call.InputTokens, call.OutputTokens, latency, call.FinishReason);
        return call;
    }
}
