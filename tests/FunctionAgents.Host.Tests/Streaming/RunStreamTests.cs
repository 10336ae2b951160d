extern alias fa;

using System.Net;
using System.Text.Json;
using fa::FunctionAgents.Cli;
using FunctionAgents.Host.Tests.Support;
using FunctionAgents.Http.Streaming;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Streaming;

[Collection(HostCollection.Name)]
public sealed class RunStreamTests(HostFixture fixture)
{
    private readonly HttpClient _client = fixture.Shared.Client();

    [Fact]
    public async Task Stream_LiveRun_SendsEveryJournalEventInOrderThenEnd()
    {
        // Arrange: the stream is open while the run waits for its approval
        var runId = await Api.StartAsync(_client);
        var reading = Sse.ReadAsync(_client, runId);
        var waiting = await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");

        // Act
        await Api.PostAsync(_client, waiting.GetProperty("pendingApprovals")[0].GetProperty("approveUri").GetString()!, """{"decision":"approve"}""");
        var frames = await reading;

        // Assert: id = Seq, event = type, data = the stored envelope, exactly what /events returns
        var (_, events, _) = await Api.GetAsync(_client, $"/api/runs/{runId}/events");
        var stored = events.GetProperty("events").EnumerateArray().ToList();
        var streamed = frames.Where(f => f.Id is not null).ToList();
        Assert.Equal(stored.Select(e => e.GetProperty("seq").GetInt64()), Sse.Seqs(streamed));
        Assert.Equal(stored.Select(e => e.GetProperty("type").GetString()), streamed.Select(f => f.Event));
        Assert.Equal(stored.Select(e => e.GetProperty("hash").GetString()), streamed.Select(f => JsonDocument.Parse(f.Data).RootElement.GetProperty("hash").GetString()));
        Assert.All(streamed, f => Assert.Empty(OpenApiConformance.CheckSchema("RunEvent", f.Data)));
        var end = frames[^1];
        Assert.Empty(OpenApiConformance.CheckSchema("StreamEnd", end.Data));
        Assert.Equal("end", end.Event);
        Assert.Null(end.Id);
        var endData = JsonDocument.Parse(end.Data).RootElement;
        Assert.Equal("completed", endData.GetProperty("status").GetString());
        Assert.Equal(stored.Count, endData.GetProperty("lastSeq").GetInt64());
    }

    [Fact]
    public async Task Stream_DisconnectsAndResumesWhileTheRunIsAppended_NoGapNoDuplicate()
    {
        // Arrange: three readers follow the same live run, each dropping the connection every two events and resuming
        var runId = await Api.StartAsync(_client);

        async Task<List<long>> FollowAsync()
        {
            var seen = new List<long>();
            while (true)
            {
                var frames = await Sse.ReadAsync(_client, runId, seen.Count == 0 ? 0 : seen[^1], take: 2);
                seen.AddRange(Sse.Seqs(frames));
                if (frames.Count > 0 && frames[^1].Event == "end")
                {
                    return seen;
                }
            }
        }

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(FollowAsync)).ToList();

        // Act: the engine appends, and the approval and the readers' reads race it
        var waiting = await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");
        await Api.PostAsync(_client, waiting.GetProperty("pendingApprovals")[0].GetProperty("approveUri").GetString()!, """{"decision":"approve"}""");
        var results = await Task.WhenAll(readers);

        // Assert
        var (_, events, _) = await Api.GetAsync(_client, $"/api/runs/{runId}/events");
        var count = events.GetProperty("events").GetArrayLength();
        Assert.All(results, seen => Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), seen));
    }

    [Fact]
    public async Task Stream_ResumeAfterTheLastEvent_SendsOnlyTheEnd()
    {
        // Arrange
        var runId = await Api.StartAsync(_client);
        var waiting = await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");
        await Api.PostAsync(_client, $"/api/runs/{runId}/cancel", "{}");
        var (_, events, _) = await Api.GetAsync(_client, $"/api/runs/{runId}/events");
        var last = events.GetProperty("events")[events.GetProperty("events").GetArrayLength() - 1].GetProperty("seq").GetInt64();

        // Act
        var fromMiddle = await Sse.ReadAsync(_client, runId, lastEventId: last - 2);
        var fromEnd = await Sse.ReadAsync(_client, runId, lastEventId: last);

        // Assert
        Assert.Equal("awaiting_approval", waiting.GetProperty("status").GetString());
        Assert.Equal([last - 1, last], Sse.Seqs(fromMiddle));
        Assert.Equal("end", Assert.Single(fromEnd).Event);
        Assert.Equal("cancelled", JsonDocument.Parse(fromEnd[0].Data).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stream_AnotherTenantsRun_Is404_AndABadLastEventIdIs400NamingIt()
    {
        // Arrange
        var runId = await Api.StartAsync(_client);
        using var beta = fixture.Shared.Client(HostFixture.BetaKey);

        // Act
        var (_, notFound, notFoundResponse) = await Api.GetAsync(beta, $"/api/runs/{runId}/stream");
        var (_, bad, badResponse) = await Api.SendAsync(_client, HttpMethod.Get, $"/api/runs/{runId}/stream", headers: new Dictionary<string, string> { ["Last-Event-ID"] = "x" });
        var (_, badQuery, _) = await Api.GetAsync(_client, $"/api/runs/{runId}/stream?lastEventId=-1");

        // Assert
        Api.AssertProblem(notFoundResponse, notFound, HttpStatusCode.NotFound);
        Api.AssertProblem(badResponse, bad, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("Last-Event-ID", out _));
        Assert.True(badQuery.GetProperty("errors").TryGetProperty("lastEventId", out _));
    }

    [Fact]
    public async Task Stream_IdleRun_SendsHeartbeats_AndEndsAtMaxDurationForTheClientToResume()
    {
        // Arrange: a host whose streams heartbeat every 50 ms and last 1 s
        await using var host = fixture.CreateHost(services: s => s.AddSingleton(
            new RunStreamOptions(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1))));
        using var client = host.Client();
        var runId = await Api.StartAsync(client);
        await Api.WaitForStatusAsync(client, runId, "awaiting_approval");

        // Act
        using var response = await client.GetAsync($"/api/runs/{runId}/stream", HttpCompletionOption.ResponseHeadersRead);
        var text = await response.Content.ReadAsStringAsync();

        // Assert: the body ends without an end event (the run is still waiting) after some heartbeats
        Assert.Contains(": heartbeat", text, StringComparison.Ordinal);
        Assert.DoesNotContain("event: end", text, StringComparison.Ordinal);
        Assert.Contains("event: ApprovalRequested", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_PrintsTheRunWithExplainerTitlesUntilItEnds()
    {
        // Arrange
        var runId = await Api.StartAsync(_client);
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, false, _ => null, Directory.GetCurrentDirectory()) { Http = fixture.Shared.ValidatingHandler() };
        var watching = FaApp.RunAsync(["runs", "watch", runId, "--url", "http://localhost", "--api-key", HostFixture.AlphaKey], context);
        var waiting = await Api.WaitForStatusAsync(_client, runId, "awaiting_approval");

        // Act
        await Api.PostAsync(_client, waiting.GetProperty("pendingApprovals")[0].GetProperty("approveUri").GetString()!, """{"decision":"approve"}""");
        var exit = await watching;

        // Assert
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("RunStarted", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("HumanApproved", StringComparison.Ordinal));
        Assert.StartsWith("run completed after", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_UnknownRunOrNoKey_ExitsWithOneLine()
    {
        // Arrange
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, false, _ => null, Directory.GetCurrentDirectory()) { Http = fixture.Shared.ValidatingHandler() };

        // Act
        var unknown = await FaApp.RunAsync(["runs", "watch", "run-nope", "--url", "http://localhost", "--api-key", HostFixture.AlphaKey], context);
        var noKey = await FaApp.RunAsync(["runs", "watch", "run-nope", "--url", "http://localhost"], context);

        // Assert
        Assert.Equal(1, unknown);
        Assert.Equal(2, noKey);
        Assert.Contains("no run 'run-nope'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--api-key is required", error.ToString(), StringComparison.Ordinal);
    }
}
