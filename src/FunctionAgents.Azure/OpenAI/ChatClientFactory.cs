using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// The provider wiring, and the only code that touches an SDK chat client: builds the <see cref="IChatClient"/> for one
/// deployment. <c>azure</c>: <see cref="AzureOpenAIClient"/> (api-key header, or an Entra ID token from the configured
/// credential, else DefaultAzureCredential) on the <c>openai/deployments/{name}</c> routes; <c>openai</c>: the plain
/// <see cref="OpenAIClient"/> against any OpenAI-compatible base URL (a bearer api key, or an Entra ID token through
/// <see cref="BearerTokenPolicy"/> for Azure's <c>/openai/v1/</c> surface); <c>ollama</c>: OllamaSharp's
/// <see cref="OllamaApiClient"/>, an IChatClient itself. The OpenAI ones become IChatClients with
/// <c>AsIChatClient()</c>; the SDK's own retries are off and its network timeout is the total limit, because
/// <see cref="RetryingChatClient"/> above it retries and times attempts the same way for every provider.
/// </summary>
internal static class ChatClientFactory
{
    /// <summary>The Entra ID scope of Azure OpenAI.</summary>
    public const string EntraScope = "https://cognitiveservices.azure.com/.default";

    /// <exception cref="ArgumentException">The options name no endpoint.</exception>
    public static IChatClient Create(AzureOpenAIOptions options, string deployment)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new ArgumentException(
            $"No model endpoint: set {AzureOpenAISettings.Endpoint}, or register an IChatClient (see docs/models.md).", nameof(options));
        if (options.Client == ModelClientKind.Ollama)
        {
            // OllamaApiClient is itself an IChatClient; HttpClient's own timeout is the total limit, as for the SDKs.
            return new OllamaApiClient(new HttpClient { BaseAddress = endpoint, Timeout = options.TotalTimeout }, deployment);
        }

        if (options.Client == ModelClientKind.OpenAICompatible)
        {
            var openAiOptions = Configure(new OpenAIClientOptions { Endpoint = endpoint }, options);
#pragma warning disable OPENAI001 // the SDK's documented way to send Entra ID tokens to Azure's /openai/v1/ surface; marked for evaluation
            var openAi = string.IsNullOrEmpty(options.ApiKey)
                ? new OpenAIClient(new BearerTokenPolicy(Credential(options), EntraScope), openAiOptions)
                : new OpenAIClient(new ApiKeyCredential(options.ApiKey), openAiOptions);
#pragma warning restore OPENAI001
            return new OpenAIRequestOptions(openAi.GetChatClient(deployment).AsIChatClient(), azure: false);
        }

        var azureOptions = Configure(new AzureOpenAIClientOptions(), options);
        var resource = ResourceRoot(endpoint);
        var client = string.IsNullOrEmpty(options.ApiKey)
            ? new AzureOpenAIClient(resource, Credential(options), azureOptions)
            : new AzureOpenAIClient(resource, new ApiKeyCredential(options.ApiKey), azureOptions);
        return new OpenAIRequestOptions(client.GetChatClient(deployment).AsIChatClient(), azure: true);
    }

    /// <summary>
    /// The Azure OpenAI resource URL: <see cref="AzureOpenAISettings.NormalizeEndpoint"/> adds the v1 path for the
    /// plain client, which <see cref="AzureOpenAIClient"/> does not want (it builds <c>openai/deployments/…</c> itself).
    /// </summary>
    internal static Uri ResourceRoot(Uri endpoint)
    {
        var builder = new UriBuilder(endpoint);
        var path = builder.Path.TrimEnd('/');
        if (path.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/openai/v1".Length];
        }

        builder.Path = path + "/";
        return builder.Uri;
    }

    private static TokenCredential Credential(AzureOpenAIOptions options) => options.Credential ?? new DefaultAzureCredential();

    private static T Configure<T>(T clientOptions, AzureOpenAIOptions options)
        where T : ClientPipelineOptions
    {
        clientOptions.NetworkTimeout = options.TotalTimeout;
        clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        if (options.Transport is { } transport)
        {
            clientOptions.Transport = transport;
        }

        return clientOptions;
    }
}
