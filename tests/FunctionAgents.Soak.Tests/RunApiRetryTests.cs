using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FunctionAgents.Testing;

namespace FunctionAgents.Soak.Tests;

/// <summary>
/// The suite's client retries a keyed start the way a client of an idempotent API should (issue 27: a start that timed
/// out under load crashed the idempotent-start scenario): same Idempotency-Key, after Retry-After, counted; never
/// without a key, never on a 4xx. Over a real loopback socket.
/// </summary>
public sealed class RunApiRetryTests
{
    private const string Accepted = """{"runId":"run-1","created":true}""";

    [Fact]
    public async Task StartAsync_KeyedStartGets503ThenAccepted_RetriesWithTheSameKeyAndCountsIt()
    {
        var keys = new ConcurrentQueue<string?>();
        await using var server = new LoopbackHttpServer((context, ct) =>
        {
            keys.Enqueue(context.Request.Headers[FunctionAgents.Http.Routing.ApiRoutes.IdempotencyKeyHeader]);
            return keys.Count == 1 ? AnswerAsync(context, 503, """{"title":"busy"}""", retryAfter: "0", ct) : AnswerAsync(context, 202, Accepted, null, ct);
        });
        using var client = new HttpClient { BaseAddress = server.Root };
        var api = new RunApi(client);

        var (runId, created) = await api.StartAsync("goal", CancellationToken.None, idempotencyKey: "key-1");

        Assert.Equal("run-1", runId);
        Assert.True(created);
        Assert.Equal(1, api.StartRetries);
        Assert.Equal(new[] { "key-1", "key-1" }, keys.ToArray());
    }

    [Fact]
    public async Task StartAsync_KeyedStartTimesOut_RetriesAndSucceeds()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer(async (context, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), ct);
            }

            await AnswerAsync(context, 202, Accepted, null, ct);
        });
        using var client = new HttpClient { BaseAddress = server.Root, Timeout = TimeSpan.FromMilliseconds(500) };
        var api = new RunApi(client);

        var (runId, _) = await api.StartAsync("goal", CancellationToken.None, idempotencyKey: "key-2");

        Assert.Equal("run-1", runId);
        Assert.Equal(1, api.StartRetries);
    }

    [Fact]
    public async Task StartAsync_UnkeyedStartGets503_ThrowsWithoutRetrying()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer((context, ct) =>
        {
            Interlocked.Increment(ref calls);
            return AnswerAsync(context, 503, """{"title":"busy"}""", retryAfter: "0", ct);
        });
        using var client = new HttpClient { BaseAddress = server.Root };
        var api = new RunApi(client);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => api.StartAsync("goal", CancellationToken.None));

        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, calls);
        Assert.Equal(0, api.StartRetries);
    }

    [Fact]
    public async Task StartAsync_KeyedStartGets400_ThrowsWithoutRetrying()
    {
        var calls = 0;
        await using var server = new LoopbackHttpServer((context, ct) =>
        {
            Interlocked.Increment(ref calls);
            return AnswerAsync(context, 400, """{"title":"goal is required"}""", null, ct);
        });
        using var client = new HttpClient { BaseAddress = server.Root };
        var api = new RunApi(client);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => api.StartAsync("goal", CancellationToken.None, idempotencyKey: "key-3"));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, calls);
        Assert.Equal(0, api.StartRetries);
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string body, string? retryAfter, CancellationToken cancellationToken)
    {
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            await reader.ReadToEndAsync(cancellationToken);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = retryAfter;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        await context.Response.OutputStream.WriteAsync(bytes, cancellationToken);
        context.Response.Close();
    }
}
