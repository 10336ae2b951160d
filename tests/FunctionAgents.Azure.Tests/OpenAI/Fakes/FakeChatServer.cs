using System.Net;
using System.Text;
using FunctionAgents.Testing;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>
/// A chat-completions server on 127.0.0.1 that records every request and answers with scripted replies in order.
/// With the script used up it answers 500, so an unexpected call fails loudly.
/// </summary>
internal sealed class FakeChatServer : IAsyncDisposable
{
    private readonly Queue<ChatReply> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly LoopbackHttpServer _server;

    public FakeChatServer() => _server = new LoopbackHttpServer(AnswerAsync);

    public Uri Root => _server.Root;

    /// <summary>The base URL the client is given, shaped like the Azure OpenAI v1 endpoint.</summary>
    public Uri Endpoint => new(Root, "openai/v1/");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public FakeChatServer Reply(params ChatReply[] replies)
    {
        lock (_script)
        {
            foreach (var reply in replies)
            {
                _script.Enqueue(reply);
            }
        }

        return this;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // A client that gave up (a timeout test) or the server stopping ends the reply (LoopbackHttpServer).
    private async Task AnswerAsync(HttpListenerContext context, CancellationToken stopping)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(stopping);
        }

        ChatReply reply;
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers, body, context.Request.Url.Query));
        }

        lock (_script)
        {
            reply = _script.Count > 0 ? _script.Dequeue() : ChatReply.Error(500, "unscripted", "no reply was scripted for this request");
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, stopping);
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        await context.Response.OutputStream.WriteAsync(bytes, stopping);
        context.Response.Close();
    }
}
