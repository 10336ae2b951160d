using System.Net;
using System.Text;
using System.Text.Json;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>Small HTTP helpers: send JSON, read JSON, wait for a run to reach a status.</summary>
public static class Api
{
    public const string Goal =
        "A customer in Germany asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer";

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        HttpClient client, HttpMethod method, string uri, string? json = null, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body, response);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(
        HttpClient client, string uri, string json, IDictionary<string, string>? headers = null) =>
        SendAsync(client, HttpMethod.Post, uri, json, headers: headers);

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(HttpClient client, string uri) =>
        SendAsync(client, HttpMethod.Get, uri);

    /// <summary>Starts a run with the demo goal; returns its id.</summary>
    public static async Task<string> StartAsync(HttpClient client, string goal = Goal, string? idempotencyKey = null)
    {
        var headers = idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey };
        var (status, body, _) = await PostAsync(client, "/api/runs", JsonSerializer.Serialize(new { goal }), headers);
        Assert.True(status is HttpStatusCode.Accepted or HttpStatusCode.OK, $"start answered {status}: {body}");
        return body.GetProperty("runId").GetString()!;
    }

    /// <summary>Polls GET /api/runs/{runId} until its status is one of <paramref name="statuses"/> (60 s at most: CI runs test assemblies side by side).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string runId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement body = default;
        while (DateTime.UtcNow < deadline)
        {
            (var status, body, _) = await GetAsync(client, $"/api/runs/{runId}");
            Assert.Equal(HttpStatusCode.OK, status);
            if (statuses.Contains(body.GetProperty("status").GetString()))
            {
                return body;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"run {runId} did not reach {string.Join("/", statuses)}; last state: {body}");
    }

    /// <summary>Approves every step the run waits on, as often as it asks, until it completes (asserts it does not fail).</summary>
    public static async Task ApproveUntilCompletedAsync(HttpClient client, string runId)
    {
        while (true)
        {
            var state = await WaitForStatusAsync(client, runId, "awaiting_approval", "completed", "failed");
            if (state.GetProperty("status").GetString() != "awaiting_approval")
            {
                Assert.Equal("completed", state.GetProperty("status").GetString());
                return;
            }

            foreach (var pending in state.GetProperty("pendingApprovals").EnumerateArray())
            {
                await PostAsync(client, pending.GetProperty("approveUri").GetString()!, """{"decision":"approve"}""");
            }

            await Task.Delay(200);
        }
    }

    public static void AssertProblem(HttpResponseMessage response, JsonElement body, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
    }
}
