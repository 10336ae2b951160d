using System.Net;
using System.Net.Sockets;

namespace FunctionAgents.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 at a free port, for tests that need something on the other end of a socket (a
/// scripted model, a fault-injecting proxy). Each request goes to the handler on its own task, so slow replies do not
/// block others. A client that hangs up, or the server stopping, is not an error: the handler's write just ends.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handle;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;

    /// <param name="handle">Answers one request; it must write and close <see cref="HttpListenerContext.Response"/>.</param>
    public LoopbackHttpServer(Func<HttpListenerContext, CancellationToken, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        _handle = handle;

        // HttpListener cannot bind port 0, so ask the OS for a free port first.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Root = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(Root.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Root { get; }

    public int Port { get; }

    /// <summary>Stops listening and waits for the accept loop; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            await _handle(context, _stop.Token);
        }
        catch (Exception ex) when (ex is HttpListenerException or HttpRequestException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client gave up or the server is stopping; the client sees a broken connection.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
