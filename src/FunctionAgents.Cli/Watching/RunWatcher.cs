using System.Globalization;
using System.Net;
using System.Text.Json;
using FunctionAgents.Domain.Forensics.Explaining;
using FunctionAgents.Http.Routing;

namespace FunctionAgents.Cli.Watching;

/// <summary>
/// Follows <c>GET /api/runs/{runId}/stream</c> and prints one line per event with the explainer's title. When the
/// connection drops (or the host ends a long response) it reconnects with <c>Last-Event-ID</c>, so no event is printed
/// twice or skipped; it gives up after <see cref="MaxAttemptsWithoutProgress"/> reconnects that bring nothing new.
/// </summary>
internal sealed class RunWatcher
{
    public const int MaxAttemptsWithoutProgress = 5;

    private readonly HttpClient _client;
    private readonly TextWriter _output;
    private readonly TimeSpan _retryDelay;

    public RunWatcher(HttpClient client, TextWriter output, TimeSpan retryDelay)
    {
        _client = client;
        _output = output;
        _retryDelay = retryDelay;
    }

    /// <summary>Prints the run until its end event; returns exit 0 for a completed run, 1 for a failed or cancelled one.</summary>
    public async Task<int> WatchAsync(string runId, CancellationToken cancellationToken)
    {
        long last = 0;
        var idle = 0;
        while (true)
        {
            var before = last;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.StreamUri(runId));
                if (last > 0)
                {
                    request.Headers.TryAddWithoutValidation("Last-Event-ID", last.ToString(CultureInfo.InvariantCulture));
                }

                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                Refuse(response, runId);
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await foreach (var frame in SseReader.ReadAsync(body, cancellationToken))
                {
                    if (frame.Event == "end")
                    {
                        return await EndAsync(frame.Data);
                    }

                    if (frame.Event == "error" || frame.Id is null)
                    {
                        continue;
                    }

                    var e = StreamedEvent.Parse(runId, frame.Data);
                    var explained = EventExplainer.Explain(e);
                    await _output.WriteLineAsync(
                        string.Create(CultureInfo.InvariantCulture, $"{e.Seq,5}  {e.OccurredAt:HH:mm:ss}  {e.Type,-20} {explained.Title}"));
                    last = e.Seq;
                }
            }
            catch (HttpRequestException) when (idle < MaxAttemptsWithoutProgress)
            {
                // The host restarted or the connection broke: the resume below picks up after the last event printed.
            }
            catch (IOException) when (idle < MaxAttemptsWithoutProgress)
            {
            }

            idle = last > before ? 0 : idle + 1;
            if (idle > MaxAttemptsWithoutProgress)
            {
                throw new CliException($"the stream of run {runId} ended {idle} times without a new event; last event printed: {last}");
            }

            await Task.Delay(_retryDelay, cancellationToken);
        }
    }

    private static void Refuse(HttpResponseMessage response, string runId)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return;
            case HttpStatusCode.Unauthorized:
                throw new CliException(ExitCodes.Usage, "the API key was refused (set --api-key or FA_API_KEY)");
            case HttpStatusCode.NotFound:
                throw new CliException($"there is no run '{runId}' for this API key");
            default:
                throw new CliException($"the stream answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    private async Task<int> EndAsync(string data)
    {
        using var document = JsonDocument.Parse(data);
        var status = document.RootElement.GetProperty("status").GetString();
        var lastSeq = document.RootElement.GetProperty("lastSeq").GetInt64();
        await _output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {status} after {lastSeq} events"));
        return status == "completed" ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
