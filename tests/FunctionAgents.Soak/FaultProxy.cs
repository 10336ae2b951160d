using System.Net;
using FunctionAgents.Testing;

namespace FunctionAgents.Soak;

/// <summary>
/// An HTTP proxy on 127.0.0.1 in front of one Azurite service that fails a share of requests, as a storage outage or a
/// flaky network would: <see cref="RefuseRate"/> are answered 503 without reaching Azurite, <see cref="LoseRate"/>
/// reach Azurite but the answer is replaced by 500 (the write happened, the client does not know). The child host is
/// pointed at the proxies through its connection string; the suite itself talks to Azurite directly.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Content-Length", "Transfer-Encoding", "Expect", "Keep-Alive", "Proxy-Connection",
    };

    private readonly LoopbackHttpServer _server;
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
    private readonly Uri _target;
    private long _refused;
    private long _lost;
    private long _forwarded;

    public FaultProxy(Uri target)
    {
        _target = target;
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public int Port => _server.Port;

    /// <summary>Share of requests answered 503 before they reach Azurite (0 to 1).</summary>
    public double RefuseRate { get; set; }

    /// <summary>Share of requests forwarded whose answer is replaced by 500 (0 to 1).</summary>
    public double LoseRate { get; set; }

    public long Refused => Interlocked.Read(ref _refused);

    public long Lost => Interlocked.Read(ref _lost);

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _forward.Dispose();
    }

    // A client that gave up, or the proxy stopping, aborts the response (LoopbackHttpServer): another transient fault.
    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var dice = Random.Shared.NextDouble();
        if (dice < RefuseRate)
        {
            Interlocked.Increment(ref _refused);
            await FailAsync(context.Response, 503, "ServerBusy");
            return;
        }

        using var response = await ForwardAsync(context.Request, stopping);
        Interlocked.Increment(ref _forwarded);
        if (dice < RefuseRate + LoseRate)
        {
            Interlocked.Increment(ref _lost);
            await FailAsync(context.Response, 500, "InternalError");
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = string.Join(",", values);
            }
        }

        var body = await response.Content.ReadAsByteArrayAsync(stopping);
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body, stopping);
        context.Response.Close();
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpListenerRequest request, CancellationToken stopping)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body, stopping);
        var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), new Uri(_target, request.RawUrl));
        if (body.Length > 0 || request.HttpMethod is "PUT" or "POST" or "PATCH" or "MERGE")
        {
            message.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var name in request.Headers.AllKeys.OfType<string>())
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            var value = request.Headers[name];
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await _forward.SendAsync(message, HttpCompletionOption.ResponseContentRead, stopping);
    }

    private static async Task FailAsync(HttpListenerResponse response, int status, string code)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["x-ms-error-code"] = code;
        var error = new System.Text.Json.Nodes.JsonObject
        {
            ["odata.error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["message"] = new System.Text.Json.Nodes.JsonObject { ["value"] = "injected by the soak fault proxy" } },
        };
        var body = System.Text.Encoding.UTF8.GetBytes(error.ToJsonString());
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }
}
