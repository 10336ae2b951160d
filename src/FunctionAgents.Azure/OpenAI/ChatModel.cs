using System.Text.Json;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// One model deployment behind an <see cref="IChatClient"/> (from settings through <see cref="ChatClientFactory"/>, or
/// registered in DI), wrapped in <see cref="ModelPipeline"/>. Each call is checked against the remaining budget before
/// anything is sent, bounded in total time, asks for the JSON schema of its response, and returns the
/// <see cref="ModelCalled"/> the recording middleware wrote. Failures become <see cref="RunFailureException"/>s whose
/// messages name the cause and never a key or token.
/// </summary>
internal sealed partial class ChatModel
{
    private readonly IChatClient _client;
    private readonly AzureOpenAIOptions _options;
    private readonly string? _model;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;

    /// <param name="provider">The client underneath the middleware: the SDK's, or any registered one.</param>
    public ChatModel(IChatClient provider, AzureOpenAIOptions options, string deployment, string? model, ILoggerFactory? loggerFactory, ILogger logger, TimeProvider clock)
    {
        _options = options;
        Deployment = deployment;
        _model = model;
        _logger = logger;
        _clock = clock;
        // A keyed client from settings already carries the middleware; wrapping it again would double every span and retry.
        _client = ModelPipeline.IsBuilt(provider) ? provider : ModelPipeline.Build(provider, options, deployment, loggerFactory, clock);
    }

    public string Deployment { get; }

    /// <summary>The price a call to this deployment is estimated at: by its configured model, else by deployment name.</summary>
    public ModelPrice Price => _options.Prices.For(_model ?? Deployment);

    /// <summary>Sends one request and returns its record.</summary>
    /// <exception cref="BudgetWouldBeExceededException">The estimate exceeds <paramref name="remainingBudgetUsd"/>; nothing was sent.</exception>
    /// <exception cref="RunFailureException">The call failed; the code says why.</exception>
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

        using var schema = JsonDocument.Parse(request.Format.Schema);
        var options = new ChatOptions
        {
            MaxOutputTokens = request.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone(), request.Format.Name, request.Format.Description),
            AdditionalProperties = new() { [OpenAIRequestOptions.StrictKey] = true },
        };
        new ModelCallInfo(request.Purpose, Deployment, _model, request.PromptVersion, request.PromptHash, estimatedInput).Attach(options);
        var messages = request.Messages.Select(m => m.ToChatMessage()).ToList();

        using var timeout = new CancellationTokenSource(_options.TotalTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ChatResponse response;
        try
        {
            response = await _client.GetResponseAsync(messages, options, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = ex is RunFailureException named && !timeout.IsCancellationRequested
                ? named
                : ModelFailures.Describe(ex, timeout.IsCancellationRequested, Deployment, _options, _clock);
            Log.CallFailed(_logger, request.Purpose, Deployment, failure.Code, ex.GetType().Name);
            throw failure;
        }

        var call = RecordingChatClient.Recorded(response)
            ?? throw new InvalidOperationException("The model pipeline returned a response without its ModelCalled record.");
        Log.Called(_logger, call.Purpose, Deployment, call.Model, call.InputTokens, call.OutputTokens, call.LatencyMs, call.FinishReason);
        return call;
    }
}
