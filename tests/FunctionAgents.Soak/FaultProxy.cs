using System.Net;
using System.Net.Sockets;

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

    private readonly HttpListener _listener = new();
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _refused;
    private long _lost;
    private long _forwarded;

    public FaultProxy(Uri target)
    {
        _target = target;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Share of requests answered 503 before they reach Azurite (0 to 1).</summary>
    public double RefuseRate { get; set; }

    /// <summary>Share of requests forwarded whose answer is replaced by 500 (0 to 1).</summary>
    public double LoseRate { get; set; }

    public long Refused => Interlocked.Read(ref _refused);

    public long Lost => Interlocked.Read(ref _lost);

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _forward.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var dice = Random.Shared.NextDouble();
            if (dice < RefuseRate)
            {
                Interlocked.Increment(ref _refused);
                await FailAsync(context.Response, 503, "ServerBusy");
                return;
            }

            using var response = await ForwardAsync(context.Request);
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

            var body = await response.Content.ReadAsByteArrayAsync(_stop.Token);
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body, _stop.Token);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or HttpRequestException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client gave up, or the proxy is stopping; the client sees a broken connection, another transient fault.
            context.Response.Abort();
        }
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpListenerRequest request)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body, _stop.Token);
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

        return await _forward.SendAsync(message, HttpCompletionOption.ResponseContentRead, _stop.Token);
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
