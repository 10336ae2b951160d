using System.Collections.Concurrent;
using System.Diagnostics;
using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Azure.Tests.OpenAI.Fakes;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Telemetry;
using FunctionAgents.Runtime.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Azure.Tests.OpenAI;

/// <summary>
/// The model spans are Microsoft.Extensions.AI's gen_ai spans on the runtime's activity source: one per call (retries
/// inside it), under the span that was current when the call was made, with the GenAI semantic-convention attributes.
/// </summary>
public sealed class ModelSpanTests : IAsyncLifetime
{
    private const string Deployment = "span-test-planner";

    private readonly FakeChatServer _server = new();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public ModelSpanTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FaTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PlanAsync_ThrottledOnceThenAnswered_IsOneGenAiSpanUnderTheCallersSpan()
    {
        // Arrange
        _server.Reply(
            ChatReply.Error(429, "rate_limit_exceeded", retryAfter: "0"),
            ChatReply.Completion(TestModels.Plan("run-1", ("search_docs", "x")), promptTokens: 812, completionTokens: 96));
        var options = TestModels.Options(_server) with { PlannerDeployment = Deployment };
        var planner = new AzureOpenAIPlanner(options, new ToolRegistry([new TestTool("search_docs")]));
        using var step = FaTelemetry.Source.StartActivity("fa.step.plan");
        step!.SetTag(TelemetryTags.RunId, "run-1");
        step.SetTag(TelemetryTags.Tenant, "t1");

        // Act
        await planner.PlanAsync(new PlanRequest("run-1", "What is the return policy?", 4, 1m, null, 1m), CancellationToken.None);

        // Assert
        var span = Assert.Single(_spans, s => Equals(s.GetTagItem(TelemetryTags.GenAiRequestModel), Deployment));
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal($"chat {Deployment}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(step.SpanId, span.ParentSpanId);
        Assert.Equal(step.TraceId, span.TraceId);
        Assert.Equal("chat", span.GetTagItem(TelemetryTags.GenAiOperation));
        Assert.Equal(ChatReply.DefaultModel, span.GetTagItem(TelemetryTags.GenAiResponseModel));
        Assert.Equal(812, Convert.ToInt32(span.GetTagItem(TelemetryTags.GenAiInputTokens), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(96, Convert.ToInt32(span.GetTagItem(TelemetryTags.GenAiOutputTokens), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("plan", span.GetTagItem(TelemetryTags.Purpose));
        Assert.Equal("run-1", span.GetTagItem(TelemetryTags.RunId));
        Assert.Equal("t1", span.GetTagItem(TelemetryTags.Tenant));
        Assert.DoesNotContain(_spans, s => s.DisplayName.Contains("What is the return policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanAsync_PlannerFromSettingsInDI_IsStillOneSpanAndOneRecordPerCall()
    {
        // Arrange: the keyed client from settings already carries the middleware; the planner must not add it twice
        _server.Reply(ChatReply.Completion(TestModels.Plan("run-3", ("search_docs", "x"))));
        var services = new ServiceCollection();
        services.AddSingleton<IToolCatalog>(new ToolRegistry([new TestTool("search_docs")]));
        services.AddAzureOpenAIModels(TestModels.Options(_server) with { PlannerDeployment = Deployment + "-di" });
        using var provider = services.BuildServiceProvider();

        // Act
        var result = await provider.GetRequiredService<IPlanner>().PlanAsync(new PlanRequest("run-3", "goal", 4, 1m, null, 1m), CancellationToken.None);

        // Assert
        Assert.Single(_spans, s => Equals(s.GetTagItem(TelemetryTags.GenAiRequestModel), Deployment + "-di"));
        Assert.Equal(("plan", Deployment + "-di"), (Assert.Single(result.ModelCalls).Purpose, result.ModelCalls[0].Deployment));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task PlanAsync_AuthFailure_EndsTheSpanAsAnError()
    {
        // Arrange
        _server.Reply(ChatReply.Error(401, "invalid_api_key"));
        var options = TestModels.Options(_server) with { PlannerDeployment = Deployment + "-auth" };
        var planner = new AzureOpenAIPlanner(options, new ToolRegistry([new TestTool("search_docs")]));

        // Act
        await Assert.ThrowsAnyAsync<Exception>(() => planner.PlanAsync(new PlanRequest("run-2", "goal", 4, 1m, null, 1m), CancellationToken.None));

        // Assert
        var span = Assert.Single(_spans, s => Equals(s.GetTagItem(TelemetryTags.GenAiRequestModel), Deployment + "-auth"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.NotNull(span.GetTagItem("error.type"));
    }
}
