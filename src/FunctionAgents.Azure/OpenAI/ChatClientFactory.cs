using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;

namespace FunctionAgents.Azure.OpenAI;

/// <summary>
/// Builds the SDK chat client for one deployment: <see cref="AzureOpenAIClient"/> for Azure endpoints (api-key header,
/// or an Entra ID token from the configured credential, else DefaultAzureCredential), the plain
/// <see cref="OpenAIClient"/> for OpenAI-compatible ones. Both get the same per-attempt timeout, retry policy and,
/// in tests, transport, so retries, timeouts and recorded calls behave the same whichever client is used.
/// </summary>
internal static class ChatClientFactory
{
    public static ChatClient Create(AzureOpenAIOptions options, string deployment, ILogger logger, TimeProvider clock)
    {
        var retry = new ModelRetryPolicy(options.MaxRetries, options.RetryDelay, options.MaxRetryDelay, deployment, logger, clock);
        if (options.Client == ModelClientKind.OpenAICompatible)
        {
            var openAiOptions = Configure(new OpenAIClientOptions { Endpoint = options.Endpoint }, options, retry);
            return new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? string.Empty), openAiOptions).GetChatClient(deployment);
        }

        var azureOptions = Configure(new AzureOpenAIClientOptions(), options, retry);
        var resource = ResourceRoot(options.Endpoint);
        var client = string.IsNullOrEmpty(options.ApiKey)
            ? new AzureOpenAIClient(resource, options.Credential ?? new DefaultAzureCredential(), azureOptions)
            : new AzureOpenAIClient(resource, new ApiKeyCredential(options.ApiKey), azureOptions);
        return client.GetChatClient(deployment);
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

    private static T Configure<T>(T clientOptions, AzureOpenAIOptions options, ModelRetryPolicy retry)
        where T : ClientPipelineOptions
    {
        clientOptions.NetworkTimeout = options.AttemptTimeout;
        clientOptions.RetryPolicy = retry;
        if (options.Transport is { } transport)
        {
            clientOptions.Transport = transport;
        }

        return clientOptions;
    }
}
