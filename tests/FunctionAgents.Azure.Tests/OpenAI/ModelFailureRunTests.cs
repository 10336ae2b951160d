using FunctionAgents.Azure.Tests.OpenAI.Fakes;
using FunctionAgents.Domain.Evaluation.Replay;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Evaluation.Replay;

namespace FunctionAgents.Azure.Tests.OpenAI;

/// <summary>
/// Each way a model call goes wrong, through a whole run on the fake server: each ends in a journaled reason and the
/// documented fallback (PlanRejected, RunFailed with a fallback answer), never a hang; and a recorded run replays with
/// no model call.
/// </summary>
public sealed class ModelFailureRunTests
{
    [Fact]
    public async Task Run_ServerErrorsPersist_FailsAsUnavailableAfterTheBoundedRetries()
    {
        // Arrange
        await using var harness = new ModelRunHarness();
        var runId = await harness.StartAsync();
        harness.Server.Reply(ChatReply.Error(500), ChatReply.Error(503), ChatReply.Error(500), ChatReply.Error(500));

        // Act
        var events = await harness.RunAsync(runId);

        // Assert: one try and MaxRetries (2) retries
        Assert.Equal(["RunStarted", "RunFailed"], events.Select(e => e.Type));
        var failed = events[1].PayloadAs<RunFailed>();
        Assert.Equal("model_unavailable", failed.Code);
        Assert.Contains("HTTP 500", failed.Reason);
        Assert.False(string.IsNullOrWhiteSpace(failed.FallbackResponse));
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Run_ThrottledWithoutRetryAfter_RetriesWithBackoffAndCompletes()
    {
        // Arrange
        await using var harness = new ModelRunHarness();
        var runId = await harness.StartAsync();
        harness.Server.Reply(
            ChatReply.Error(429, "rate_limit_exceeded"),
            ChatReply.Completion(TestModels.Plan(runId, ("search_docs", "returns"))),
            ChatReply.Completion(TestModels.Answer("30 days.", "s1")));

        // Act
        var events = await harness.RunAsync(runId);

        // Assert
        Assert.Equal("RunCompleted", events[^1].Type);
        Assert.Equal(2, events.Count(e => e.Type == "ModelCalled"));
        Assert.Equal(3, harness.Server.Requests.Count);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("answered 429; retry 1 of 2 in 10 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ThrottledWithARetryAfterBeyondTheLimit_FailsAtOnce()
    {
        // Arrange
        await using var harness = new ModelRunHarness();
        var runId = await harness.StartAsync();
        harness.Server.Reply(ChatReply.Error(429, "rate_limit_exceeded", retryAfter: "600"));

        // Act
        var events = await harness.RunAsync(runId);

        // Assert
        var failed = Assert.Single(events, e => e.Type == "RunFailed").PayloadAs<RunFailed>();
        Assert.Equal("model_unavailable", failed.Code);
        Assert.Contains("asked to retry after 600 s", failed.Reason);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Run_NoAnswerInTime_FailsWithModelTimeout()
    {
        // Arrange
        await using var harness = new ModelRunHarness(o => o with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 });
        var runId = await harness.StartAsync();
        var slow = ChatReply.Completion(TestModels.Plan(runId, ("search_docs", "x"))).After(TimeSpan.FromSeconds(5));
        harness.Server.Reply(slow, slow);

        // Act
        var events = await harness.RunAsync(runId);

        // Assert
        var failed = Assert.Single(events, e => e.Type == "RunFailed").PayloadAs<RunFailed>();
        Assert.Equal("model_timeout", failed.Code);
        Assert.Contains("on any of 2 attempt(s)", failed.Reason);
    }

    [Fact]
    public async Task Run_MalformedJsonTwice_IsRejectedWithBothCallsRecorded()
    {
        // Arrange
        await using var harness = new ModelRunHarness();
        var runId = await harness.StartAsync();
        harness.Server.Reply(ChatReply.Completion("{\"runId\": \"cut off mid"), ChatReply.Completion("not json at all"));

        // Act
        var events = await harness.RunAsync(runId);

        // Assert
        Assert.Equal(["RunStarted", "ModelCalled", "CostRecorded", "ModelCalled", "CostRecorded", "PlanRejected", "RunFailed"], events.Select(e => e.Type));
        Assert.Equal("not json at all", events.Select(e => e.ReadPayload()).OfType<PlanRejected>().Single().RawPlan);
        Assert.Equal("plan_rejected", events[^1].PayloadAs<RunFailed>().Code);
        Assert.Empty(harness.Search.Dispatches);
    }

    [Fact]
    public async Task Run_PlanStoppedByTheContentFilter_IsRejectedAndTheFilterIsRecorded()
    {
        // Arrange
        await using var harness = new ModelRunHarness();
        var runId = await harness.StartAsync();
        harness.Server.Reply(ChatReply.ContentFiltered(), ChatReply.ContentFiltered());

        // Act
        var events = await harness.RunAsync(runId);

        // Assert
        var calls = events.Select(e => e.ReadPayload()).OfType<ModelCalled>().ToList();
        Assert.Equal(["content_filter", "content_filter"], calls.Select(c => c.FinishReason));
        Assert.All(calls, c => Assert.Equal(string.Empty, c.RawResponse));
        Assert.Single(events, e => e.Type == "PlanRejected");
        Assert.Equal("plan_rejected", events[^1].PayloadAs<RunFailed>().Code);
    }

    [Fact]
    public async Task Run_AnswerStoppedByTheContentFilter_FailsWithTheFallbackResponse()
    {
        // Arrange
        await using var harness = new ModelRunHarness();
        var runId = await harness.StartAsync();
        harness.Server.Reply(ChatReply.Completion(TestModels.Plan(runId, ("search_docs", "returns"))), ChatReply.ContentFiltered());

        // Act
        var events = await harness.RunAsync(runId);

        // Assert
        var failed = events[^1].PayloadAs<RunFailed>();
        Assert.Equal("response_failed", failed.Code);
        Assert.False(string.IsNullOrWhiteSpace(failed.FallbackResponse));
        Assert.Equal("content_filter", events.Select(e => e.ReadPayload()).OfType<ModelCalled>().Last().FinishReason);
    }

    [Fact]
    public async Task Run_PromptRefusedByTheContentFilter_FailsAsRejectedWithoutRetrying()
    {
        // Arrange: Azure's prompt filter answers 400 with code content_filter
        await using var harness = new ModelRunHarness();
        var runId = await harness.StartAsync();
        harness.Server.Reply(ChatReply.Error(400, "content_filter", "The prompt was filtered."));

        // Act
        var events = await harness.RunAsync(runId);

        // Assert
        var failed = Assert.Single(events, e => e.Type == "RunFailed").PayloadAs<RunFailed>();
        Assert.Equal("model_rejected", failed.Code);
        Assert.Contains("HTTP 400, content_filter", failed.Reason);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Replay_RecordedRun_ReproducesItWithoutAnyModelCall()
    {
        // Arrange
        await using var harness = new ModelRunHarness();
        var runId = await harness.StartAsync();
        harness.Server.Reply(
            ChatReply.Completion(TestModels.Plan(runId, ("search_docs", "returns"))),
            ChatReply.Completion(TestModels.Answer("30 days.", "s1")));
        await harness.RunAsync(runId);
        var before = harness.Server.Requests.Count;
        var replayer = new RunReplayer(new ReplayConfiguration(harness.Catalog, harness.Policy, harness.Options.Prices));

        // Act
        var result = await replayer.ReplayAsync(harness.Journal, runId);

        // Assert
        Assert.True(result.IsDeterministic, result.Divergence?.ToString());
        Assert.Equal(ReplayStatus.Finished, result.Status);
        Assert.Equal(2, result.Replayed.Count(e => e.Type == "ModelCalled"));
        Assert.Equal(2, before);
        Assert.Equal(before, harness.Server.Requests.Count);
    }
}
