namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>
/// Sends an https request to the fake server over plain http. The SDK refuses to send a bearer token to a non-https
/// URL, so Entra ID tests give the client an https endpoint and let this handler reach the loopback server.
/// </summary>
internal sealed class RewriteToLoopbackHandler(Uri root) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(request.RequestUri!) { Scheme = root.Scheme, Host = root.Host, Port = root.Port };
        request.RequestUri = builder.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
