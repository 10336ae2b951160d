using System.Net;

namespace FunctionAgents.Testing;

/// <summary>
/// An HttpMessageHandler that records each request (with its headers, as sent) and answers with a
/// canned status: wrap it in Azure.Core's HttpClientTransport to test a pipeline without a server.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage>? respond = null) =>
        _respond = respond ?? (_ => new HttpResponseMessage(HttpStatusCode.NoContent));

    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        return Task.FromResult(_respond(request));
    }
}
