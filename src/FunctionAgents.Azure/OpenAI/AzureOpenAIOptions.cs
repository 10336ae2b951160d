using System.ClientModel.Primitives;
using Azure.Core;
using FunctionAgents.Domain.Costs;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// How the model-backed planner and response builder reach Azure OpenAI (the v1 endpoint, OpenAI 2.x SDK). Read them
/// from settings with <see cref="AzureOpenAISettings.TryRead"/>. <see cref="ToString"/> never shows the api key.
/// </summary>
public sealed record AzureOpenAIOptions
{
    /// <summary>
    /// The v1 base URL, e.g. <c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>; any base URL works. Null when the
    /// models come from <see cref="Microsoft.Extensions.AI.IChatClient"/>s registered in DI rather than from settings.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The deployment that plans: a small, fast model.</summary>
    public required string PlannerDeployment { get; init; }

    /// <summary>The deployment that writes the final answer: a stronger model.</summary>
    public required string AnswerDeployment { get; init; }

    /// <summary>The deployment the evaluation judge uses (keyed client <c>judge</c>); the planner's when null.</summary>
    public string? JudgeDeployment { get; init; }

    /// <summary>The model behind <see cref="JudgeDeployment"/>, as <see cref="PlannerModel"/>.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>The model behind <see cref="PlannerDeployment"/> (e.g. <c>gpt-4.1-mini</c>), to price calls before the response names it.</summary>
    public string? PlannerModel { get; init; }

    /// <summary>The model behind <see cref="AnswerDeployment"/>, as <see cref="PlannerModel"/>.</summary>
    public string? AnswerModel { get; init; }

    /// <summary>The api key, sent as the <c>api-key</c> header. When empty, Entra ID is used (<see cref="Credential"/>).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The Entra ID credential when there is no api key; null means <c>DefaultAzureCredential</c> (managed identity in Azure).</summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>Longest wait for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest time one model call may take, retries and their delays included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>Retries after a 408, 429, 5xx or network failure; 401 and 403 are never retried.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry's delay; it doubles for each further retry. A longer Retry-After wins.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(0.8);

    /// <summary>Longest single wait before a retry. A Retry-After longer than this ends the call instead of waiting.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Output token cap for plan and repair calls; also what the budget check assumes they produce.</summary>
    public int PlannerMaxOutputTokens { get; init; } = 2000;

    /// <summary>Output token cap for the answer call; also what the budget check assumes it produces.</summary>
    public int AnswerMaxOutputTokens { get; init; } = 1500;

    /// <summary>Prices for the budget check before each call. Give RunActivities the same table, so estimates and recorded costs agree.</summary>
    public PriceTable Prices { get; init; } = ModelPrices.Default;

    /// <summary>The planner prompt file under <c>prompts/</c>, without extension.</summary>
    public string PlannerPrompt { get; init; } = "planner/v2";

    /// <summary>The answer prompt file under <c>prompts/</c>, without extension.</summary>
    public string AnswerPrompt { get; init; } = "answer/v1";

    /// <summary>Which SDK client to use: <see cref="ModelClientKind.AzureOpenAI"/> unless configured otherwise.</summary>
    public ModelClientKind Client { get; init; } = ModelClientKind.AzureOpenAI;

    /// <summary>The HTTP transport; null means the SDK's default. Tests set it to reach a loopback server.</summary>
    internal PipelineTransport? Transport { get; init; }

    /// <summary>What a planner's or builder's name starts with: <c>azure-openai</c> from settings, <c>chat</c> for a registered client.</summary>
    internal string ProviderLabel => Endpoint is null ? "chat" : "azure-openai";

    /// <summary>The deployment a purpose's calls go to (<see cref="Runtime.Models.ModelPurposes"/>).</summary>
    public string DeploymentFor(string purpose) => purpose switch
    {
        Runtime.Models.ModelPurposes.Answer => AnswerDeployment,
        Runtime.Models.ModelPurposes.Judge => JudgeDeployment ?? PlannerDeployment,
        _ => PlannerDeployment,
    };

    /// <summary>Describes the options for a log line; the api key is never shown, only whether one is set.</summary>
    public override string ToString() =>
        $"{Client} endpoint {Endpoint}, planner {PlannerDeployment}, answer {AnswerDeployment}, auth {(string.IsNullOrEmpty(ApiKey) ? "Entra ID" : "api key")}";

    /// <exception cref="ArgumentException">A value is missing or out of range.</exception>
    internal void Validate()
    {
        ValidateEndpoint();
        ValidateLimits();
    }

    /// <exception cref="ArgumentException">A limit or deployment name is missing or out of range.</exception>
    internal void ValidateLimits()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(PlannerDeployment);
        ArgumentException.ThrowIfNullOrWhiteSpace(AnswerDeployment);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TotalTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(PlannerMaxOutputTokens, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AnswerMaxOutputTokens, 1);
        ArgumentNullException.ThrowIfNull(Prices);
    }

    private void ValidateEndpoint()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The Azure OpenAI endpoint must be an absolute http or https URL.", nameof(Endpoint));
        }

        if (string.IsNullOrEmpty(ApiKey) && Client != ModelClientKind.Ollama && Endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"Entra ID tokens are only sent over https; use an https endpoint or set {AzureOpenAISettings.ApiKey}.", nameof(Endpoint));
        }
    }
}

/// <summary>Which SDK client talks to the model endpoint (setting <see cref="AzureOpenAISettings.Client"/>).</summary>
public enum ModelClientKind
{
    /// <summary>Azure.AI.OpenAI's <c>AzureOpenAIClient</c>: deployments under an Azure OpenAI resource, api-key or Entra ID.</summary>
    AzureOpenAI,

    /// <summary>
    /// The plain OpenAI client against any OpenAI-compatible base URL, including Azure's <c>/openai/v1/</c>: the api key as
    /// a bearer token, or without one an Entra ID token (https only).
    /// </summary>
    OpenAICompatible,

    /// <summary>OllamaSharp's <c>OllamaApiClient</c> against an Ollama server (<c>/api/chat</c>); the deployment setting is the model name, no key.</summary>
    Ollama,
}
