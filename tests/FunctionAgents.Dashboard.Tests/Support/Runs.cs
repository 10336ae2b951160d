using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FunctionAgents.Dashboard.Tests.Support;

/// <summary>Drives runs through the HTTP API only, so these tests hold whatever engine the host runs.</summary>
public static class Runs
{
    /// <summary>The demo goal: the default policy holds its customer email for a human.</summary>
    public const string ApprovalGoal =
        "A customer in Germany asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer";

    /// <summary>A goal the default policy allows end to end (documentation search and a read-only query).</summary>
    public const string QuickGoal = "Check our refund policy and the status of order 1042";

    public static async Task<string> StartAsync(HttpClient client, string goal)
    {
        using var response = await client.PostAsJsonAsync("api/runs", new { goal });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"start answered {response.StatusCode}: {body}");
        return body.GetProperty("runId").GetString()!;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {uri} answered {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls the run until its status is one of <paramref name="statuses"/> (60 s at most).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string runId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement run = default;
        while (DateTime.UtcNow < deadline)
        {
            run = await GetJsonAsync(client, $"api/runs/{runId}");
            if (statuses.Contains(run.GetProperty("status").GetString()))
            {
                return run;
            }

            await Task.Delay(150);
        }

        throw new TimeoutException($"run {runId} did not reach {string.Join("/", statuses)}; last state: {run}");
    }
}
