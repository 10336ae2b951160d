using System.Buffers;
using System.Text.Json;
using System.Text;
using FunctionAgents.Domain.Events;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Domain.Storage;
using FunctionAgents.Http.Endpoints;
using FunctionAgents.Runtime.Journal;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Http.Streaming;

/// <summary>
/// Writes a run's journal as <c>text/event-stream</c>: one event per journal event (<c>id</c> = Seq, <c>event</c> = type,
/// <c>data</c> = the stored envelope), then <c>event: end</c> once the run has finished. It polls the journal from the
/// next expected Seq, so what it sends is contiguous and in order whatever the appenders do, and a reconnect with
/// <c>Last-Event-ID</c> picks up exactly after the last event received.
/// </summary>
internal sealed class RunStreamResult : IResult
{
    /// <summary>The type of the closing event; it carries no id, so a resume after it replays nothing.</summary>
    public const string EndEvent = "end";

    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    private readonly IEventJournal _journal;
    private readonly string _runId;
    private readonly long _after;
    private readonly RunStreamOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public RunStreamResult(IEventJournal journal, string runId, long after, RunStreamOptions options, TimeProvider clock, ILogger logger)
    {
        _journal = journal;
        _runId = runId;
        _after = after;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = httpContext.RequestAborted;
        try
        {
            await StreamAsync(response, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; it resumes with Last-Event-ID.
        }
        catch (StorageException ex)
        {
            // Headers are gone already: say so in the stream and end it; the client reconnects and resumes.
            Log.StreamStorageFailed(_logger, _runId, ex);
            await WriteAsync(response, $"event: error\ndata: {JsonSerializer.Serialize(ex.Message)}\n\n", aborted);
        }
    }

    private async Task StreamAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        await WriteAsync(response, "retry: 1000\n\n", cancellationToken);
        var started = _clock.GetUtcNow();
        var lastWrite = started;
        var state = RunState.Empty;
        long next = 1;
        while (true)
        {
            var sent = false;
            await foreach (var e in _journal.ReadAsync(_runId, next, cancellationToken: cancellationToken))
            {
                if (e.Seq != next)
                {
                    // A gap can only be a read racing storage; stop here and read again from the missing Seq.
                    break;
                }

                state = RunEvolver.Evolve(state, e);
                next = e.Seq + 1;
                if (e.Seq > _after)
                {
                    await response.Body.WriteAsync(Frame(e), cancellationToken);
                    sent = true;
                }
            }

            var now = _clock.GetUtcNow();
            if (state.IsFinished)
            {
                var end = JsonSerializer.Serialize(new StreamEnd(_runId, RunStatusNames.ToName(state.Status), next - 1), StreamJsonContext.Default.StreamEnd);
                await WriteAsync(response, $"event: {EndEvent}\ndata: {end}\n\n", cancellationToken);
                return;
            }

            if (sent)
            {
                await response.Body.FlushAsync(cancellationToken);
                lastWrite = now;
            }
            else if (now - lastWrite >= _options.HeartbeatInterval)
            {
                await response.Body.WriteAsync(Heartbeat, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                lastWrite = now;
            }

            if (now - started >= _options.MaxDuration)
            {
                return;
            }

            await Task.Delay(_options.PollInterval, _clock, cancellationToken);
        }
    }

    /// <summary>One SSE frame: id, event and the envelope as data (one line: the writer does not indent).</summary>
    internal static byte[] Frame(RunEvent e)
    {
        var json = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(json))
        {
            EventStreamResult.Write(writer, e);
        }

        var head = Encoding.UTF8.GetBytes($"id: {e.Seq}\nevent: {e.Type}\ndata: ");
        var frame = new List<byte>(head.Length + json.WrittenCount + 2);
        frame.AddRange(head);

        // A stored payload is canonical JSON, but a raw newline would end the data field early: keep it on one line.
        foreach (var b in json.WrittenSpan)
        {
            if (b is not (byte)'\n' and not (byte)'\r')
            {
                frame.Add(b);
            }
        }

        frame.Add((byte)'\n');
        frame.Add((byte)'\n');
        return [.. frame];
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}

/// <summary>The data of the stream's closing <c>end</c> event.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Status">Its final status (<c>completed</c>, <c>failed</c>, <c>cancelled</c>).</param>
/// <param name="LastSeq">The Seq of its last event.</param>
public sealed record StreamEnd(string RunId, string Status, long LastSeq);

/// <summary>How <c>GET /api/runs/{runId}/stream</c> paces itself.</summary>
/// <param name="PollInterval">How often the journal is read for new events while the run is live.</param>
/// <param name="HeartbeatInterval">The longest silence before a comment line keeps proxies from closing the connection.</param>
/// <param name="MaxDuration">
/// The longest one response lasts; the client then reconnects with <c>Last-Event-ID</c> and loses nothing. The Functions
/// app needs this under the front end's 230-second idle limit; the local host can hold a stream for much longer.
/// </param>
public sealed record RunStreamOptions(TimeSpan PollInterval, TimeSpan HeartbeatInterval, TimeSpan MaxDuration)
{
    /// <summary>Defaults that suit both hosts: 250 ms polls, a heartbeat every 15 s, a reconnect after 3 minutes.</summary>
    public static RunStreamOptions Default { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(3));
}
