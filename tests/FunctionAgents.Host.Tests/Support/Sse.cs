extern alias fa;

using System.Globalization;
using System.Net;
using fa::FunctionAgents.Cli.Watching;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>Reads a run's SSE stream: frames until the end event, the server closing, or <c>take</c> events (then disconnects).</summary>
public static class Sse
{
    internal static async Task<List<SseFrame>> ReadAsync(HttpClient client, string runId, long lastEventId = 0, int take = int.MaxValue, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/stream");
        if (lastEventId > 0)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId.ToString(CultureInfo.InvariantCulture));
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var frames = new List<SseFrame>();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        await foreach (var frame in SseReader.ReadAsync(body, timeout.Token))
        {
            frames.Add(frame);
            if (frame.Event == "end" || frames.Count(f => f.Id is not null) >= take)
            {
                break;
            }
        }

        return frames;
    }

    internal static long[] Seqs(IEnumerable<SseFrame> frames) =>
        [.. frames.Where(f => f.Id is not null).Select(f => long.Parse(f.Id!, CultureInfo.InvariantCulture))];
}
