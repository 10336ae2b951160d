using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// The pipeline one client sends through: Azure.Core retry with <see cref="StorageResponseClassifier"/>,
/// the caller's extra policies, and SharedKey or bearer-token authentication per attempt. Turns every
/// failure into a <see cref="StorageRequestException"/>.
/// </summary>
internal sealed class StorageHttp
{
    private readonly HttpPipeline _pipeline;
    private readonly string _basePath;

    public StorageHttp(StorageConnection connection, StorageService service, StorageClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        Endpoint = connection.EndpointFor(service);
        _basePath = Endpoint.AbsolutePath.TrimEnd('/');
        HttpPipelinePolicy auth = connection.SharedKey is { } key
            ? new SharedKeyAuthenticationPolicy(key, service)
            : new BearerTokenAuthenticationPolicy(connection.TokenCredential!, StorageConnection.TokenScope);
        _pipeline = HttpPipelineBuilder.Build(options, [], [auth], StorageResponseClassifier.Instance);
    }

    public Uri Endpoint { get; }

    /// <summary>A request to <c>endpoint + path</c>; <paramref name="path"/> starts with '/' and is already escaped.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string path, string version)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        // Reset(Uri) caches the URI it was given, so set the parts instead.
        request.Uri.Scheme = Endpoint.Scheme;
        request.Uri.Host = Endpoint.Host;
        request.Uri.Port = Endpoint.Port;
        request.Uri.Path = _basePath + path;
        request.Headers.SetValue("x-ms-version", version);
        return message;
    }

    /// <summary>The absolute URL of <paramref name="path"/>, as the Table service expects inside a batch.</summary>
    public string AbsoluteUrl(string path) =>
        $"{Endpoint.Scheme}://{Endpoint.Authority}{_basePath}{path}";

    /// <summary>Sends with retries. Returns the final response whatever its status; throws only when no response came back.</summary>
    public async Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return message.Response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or IOException or HttpRequestException or OperationCanceledException)
        {
            throw new StorageRequestException(
                0, null, $"{operation} failed: no response from {Endpoint.Authority}: {ex.Message}", ex);
        }
    }

    /// <summary>The exception for a failed response: <see cref="StorageConflictException"/> on 409, else <see cref="StorageRequestException"/>.</summary>
    public static StorageRequestException Failure(Response response, string operation)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (code, text) = StorageError.Read(response);
        var message = $"{operation} failed: HTTP {response.Status}{(code is null ? string.Empty : $" ({code})")}: {text}";
        return response.Status == 409
            ? new StorageConflictException(code, message)
            : new StorageRequestException(response.Status, code, message);
    }
}
