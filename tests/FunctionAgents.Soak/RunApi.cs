using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionAgents.Soak;

/// <summary>
/// The public HTTP API of the child host as the scenarios use it: start a run, read it, list runs, read its journal.
/// Nothing here knows how the engine drives a run, so the scenarios keep working when the engine changes.
/// </summary>
internal sealed class RunApi
{
    private static readonly string[] Finished = ["completed", "failed", "cancelled"];

    /// <summary>Attempts of one keyed start before its failure counts (1 + 5 retries, about 30 s of back-off).</summary>
    public const int MaxStartAttempts = 6;

    private readonly HttpClient _client;
    private int _startRetries;

    public RunApi(HttpClient client) => _client = client;

    /// <summary>How many start requests were sent again (see <see cref="StartAsync"/>).</summary>
    public int StartRetries => _startRetries;

    /// <summary>
    /// POST /api/runs; returns the run id and whether this call created it. With an idempotency key, a start that timed
    /// out, lost its connection, or got a 5xx (429/503 after their Retry-After) is sent again with the same key, as a
    /// client of an idempotent API should, up to <see cref="MaxStartAttempts"/> times; <see cref="StartRetries"/> counts them.
    /// Without a key a retry could start a second run, so the first failure is thrown.
    /// </summary>
    public async Task<(string RunId, bool Created)> StartAsync(
        string goal, CancellationToken cancellationToken, string? idempotencyKey = null, int? maxSteps = null, decimal? budgetUsd = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var retryAfter = TimeSpan.FromSeconds(Math.Min(8, 1 << (attempt - 1)));
            string failure;
            try
            {
                using var request = StartRequest(goal, idempotencyKey, maxSteps, budgetUsd);
                using var response = await _client.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
                {
                    var json = JsonNode.Parse(text)!;
                    return ((string)json["runId"]!, (bool?)json["created"] ?? response.StatusCode == HttpStatusCode.Accepted);
                }

                failure = $"POST /api/runs answered {(int)response.StatusCode}: {text}";
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    throw new InvalidOperationException(failure);
                }

                if (response.Headers.RetryAfter?.Delta is { } delta)
                {
                    retryAfter = delta;
                }
                else if (response.Headers.RetryAfter?.Date is { } date)
                {
                    retryAfter = date - DateTimeOffset.UtcNow;
                }
            }
            catch (HttpRequestException ex)
            {
                failure = $"POST /api/runs failed: {ex.Message}";
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"POST /api/runs timed out: {ex.Message}";
            }

            if (idempotencyKey is null || attempt >= MaxStartAttempts)
            {
                throw new InvalidOperationException(attempt > 1 ? $"{failure} (after {attempt} attempts)" : failure);
            }

            Interlocked.Increment(ref _startRetries);
            await Task.Delay(retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter, cancellationToken);
        }
    }

    private static HttpRequestMessage StartRequest(string goal, string? idempotencyKey, int? maxSteps, decimal? budgetUsd)
    {
        var body = new JsonObject { ["goal"] = goal };
        if (maxSteps is { } steps)
        {
            body["maxSteps"] = steps;
        }

        if (budgetUsd is { } budget)
        {
            body["budgetUsd"] = budget;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/runs", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(FunctionAgents.Http.Routing.ApiRoutes.IdempotencyKeyHeader, idempotencyKey);
        }

        return request;
    }

    /// <summary>GET /api/runs/{runId}, or null when the API answers 404.</summary>
    public async Task<JsonNode?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(new Uri("api/runs/" + Uri.EscapeDataString(runId), UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Polls the run until its status is one of <paramref name="statuses"/> (default: finished) or the timeout passes.</summary>
    public async Task<JsonNode?> WaitAsync(string runId, TimeSpan timeout, CancellationToken cancellationToken, params string[] statuses)
    {
        var wanted = statuses.Length > 0 ? statuses : Finished;
        var until = DateTimeOffset.UtcNow + timeout;
        JsonNode? run = null;
        while (DateTimeOffset.UtcNow < until)
        {
            run = await GetAsync(runId, cancellationToken);
            if (run?["status"]?.GetValue<string>() is { } status && wanted.Contains(status, StringComparer.Ordinal))
            {
                return run;
            }

            await Task.Delay(250, cancellationToken);
        }

        return run;
    }

    /// <summary>Every run of the caller's tenant, all pages of GET /api/runs.</summary>
    public async Task<List<JsonNode>> ListAsync(CancellationToken cancellationToken)
    {
        var runs = new List<JsonNode>();
        string? token = null;
        do
        {
            var uri = "api/runs?pageSize=200" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = JsonNode.Parse(await _client.GetStringAsync(new Uri(uri, UriKind.Relative), cancellationToken))!;
            runs.AddRange(page["runs"]!.AsArray().Select(r => r!));
            token = (string?)page["continuationToken"];
        }
        while (!string.IsNullOrEmpty(token));

        return runs;
    }

    /// <summary>GET /api/runs/{runId}/events: the journal as stored (type and payload of each event, in Seq order).</summary>
    public async Task<List<JournalEvent>> EventsAsync(string runId, CancellationToken cancellationToken)
    {
        var text = await _client.GetStringAsync(new Uri($"api/runs/{Uri.EscapeDataString(runId)}/events", UriKind.Relative), cancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => new JournalEvent(e.GetProperty("seq").GetInt64(), e.GetProperty("type").GetString()!, e.GetProperty("payload").Clone()))
            .ToList();
    }
}
