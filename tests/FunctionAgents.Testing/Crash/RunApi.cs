using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FunctionAgents.Testing.Crash;

/// <summary>The few HTTP calls a crash test makes against a child host, as any client would make them.</summary>
public static class RunApi
{
    /// <summary>Terminal statuses of GET /api/runs/{runId}.</summary>
    public static readonly IReadOnlySet<string> Finished = new HashSet<string>(StringComparer.Ordinal) { "completed", "failed", "cancelled" };

    /// <summary>
    /// POST /api/runs with an Idempotency-Key, so a start whose answer was lost to a kill can be sent again and
    /// yields the same run. Returns the run id.
    /// </summary>
    public static async Task<string> StartAsync(HttpClient client, string goal, string idempotencyKey, decimal? budgetUsd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = new Dictionary<string, object> { ["goal"] = goal };
        if (budgetUsd is { } budget)
        {
            body["budgetUsd"] = budget;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"POST /api/runs answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("runId").GetString()!;
    }

    /// <summary>GET /api/runs/{runId}: the status and the approve URIs of the steps waiting for a human.</summary>
    public static async Task<RunStatus> GetAsync(HttpClient client, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri($"api/runs/{runId}", UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /api/runs/{runId} answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var pending = root.TryGetProperty("pendingApprovals", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(p => p.GetProperty("approveUri").GetString()!).ToArray()
            : [];
        var failure = root.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.Object && f.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;
        return new RunStatus(root.GetProperty("status").GetString()!, pending, failure);
    }

    /// <summary>
    /// Decides every pending approval with <paramref name="decision"/> (<c>approve</c> or <c>reject</c>). A 409 (already
    /// decided, for example by a request whose answer a kill swallowed) counts as done.
    /// </summary>
    public static async Task DecideAsync(HttpClient client, RunStatus status, string decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(status);
        foreach (var uri in status.PendingApproveUris)
        {
            using var content = JsonContent.Create(new { decision, approver = "crash-test", comment = "decided by the crash test" });
            using var response = await client.PostAsync(new Uri(uri.TrimStart('/'), UriKind.Relative), content, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException(
                    $"POST {uri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>GET /api/runs/{runId}/verification: null when the chain verified over <paramref name="expectedEvents"/> events, else the reason.</summary>
    public static async Task<string?> VerifyAsync(HttpClient client, string runId, long expectedEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri($"api/runs/{runId}/verification", UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"verification answered {(int)response.StatusCode}: {text}";
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        // The answer leaves out null members: no firstBadSeq means no bad Seq.
        var checkedEvents = root.GetProperty("eventsChecked").GetInt64();
        if (root.TryGetProperty("firstBadSeq", out var firstBad) && firstBad.ValueKind != JsonValueKind.Null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"chain broken at Seq {firstBad.GetInt64()}: {text}");
        }

        return checkedEvents == expectedEvents
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"verification checked {checkedEvents} events, the journal holds {expectedEvents}");
    }
}
