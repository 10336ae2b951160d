namespace FunctionAgents.Host.Tests.Support;

/// <summary>
/// Sits in every Host test client (<see cref="TestHost.Client"/>) and fails the request when a response does not match
/// the OpenAPI document: an undocumented route or status, an unlisted media type, or a JSON body its schema refuses.
/// Streams (<c>text/event-stream</c>) are checked for their media type only, so they still stream.
/// </summary>
public sealed class OpenApiValidatingHandler : DelegatingHandler
{
    private static int _checked;

    /// <summary>How many responses every handler checked so far (a test asserts the suite really went through it).</summary>
    public static int Checked => Volatile.Read(ref _checked);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        string? body = null;
        if (mediaType != "text/event-stream")
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }

        var problems = OpenApiConformance.Check(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, mediaType, body);
        Interlocked.Increment(ref _checked);
        if (problems.Count > 0)
        {
            response.Dispose();
            throw new OpenApiViolationException(string.Join(Environment.NewLine, problems));
        }

        return response;
    }
}
