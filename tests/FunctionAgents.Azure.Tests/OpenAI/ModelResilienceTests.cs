using System.ClientModel.Primitives;
using System.Diagnostics;
using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Azure.Tests.OpenAI.Fakes;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Azure.Tests.OpenAI;

public sealed class ModelResilienceTests : IAsyncLifetime
{
    private readonly FakeChatServer _server = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly ToolRegistry _tools = new([new TestTool("search_docs")]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PlanAsync_429WithRetryAfter_WaitsAsAskedThenSucceeds()
    {
        // Arrange
        var plan = TestModels.Plan("run-1", ("search_docs", "returns"));
        _server.Reply(ChatReply.Error(429, "rate_limit_exceeded", retryAfter: "1"), ChatReply.Completion(plan));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);
        var watch = Stopwatch.StartNew();

        // Act
        var result = await planner.PlanAsync(Request(), CancellationToken.None);

        // Assert
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(plan, result.RawPlan);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}, before the 1 s Retry-After");
        Assert.True(_logs.Lines.Any(l => l.Contains("answered 429; retry 1 of 2 in 1000 ms", StringComparison.Ordinal)), _logs.All);
        Assert.Single(result.ModelCalls);
    }

    [Fact]
    public async Task PlanAsync_RetryAfterBeyondTheLimit_FailsAtOnceAsUnavailable()
    {
        // Arrange
        _server.Reply(ChatReply.Error(429, "rate_limit_exceeded", retryAfter: "120"));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal("model_unavailable", ex.Code);
        Assert.Contains("HTTP 429, rate_limit_exceeded", ex.Message);
        Assert.Contains("asked to retry after 120 s, longer than the 5 s", ex.Message);
    }

    [Fact]
    public async Task PlanAsync_ServerErrorsPersist_GivesUpAfterBoundedRetries()
    {
        // Arrange
        _server.Reply(ChatReply.Error(503), ChatReply.Error(500), ChatReply.Error(502), ChatReply.Error(503));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert: one try and MaxRetries (2) retries
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal("model_unavailable", ex.Code);
        Assert.Contains("the model deployment 'planner' is unavailable (HTTP 502", ex.Message);
    }

    [Fact]
    public async Task PlanAsync_NoAnswerWithinTheAttemptTimeout_FailsWithModelTimeout()
    {
        // Arrange
        var slow = ChatReply.Completion(TestModels.Plan("run-1", ("search_docs", "x"))).After(TimeSpan.FromSeconds(5));
        _server.Reply(slow, slow);
        var options = TestModels.Options(_server) with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 };
        var planner = new AzureOpenAIPlanner(options, _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert
        Assert.Equal("model_timeout", ex.Code);
        Assert.Contains("did not answer within 0.3 s on any of 2 attempt(s)", ex.Message);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task PlanAsync_TotalTimeoutReached_FailsWithModelTimeout()
    {
        // Arrange
        _server.Reply(ChatReply.Completion(TestModels.Plan("run-1", ("search_docs", "x"))).After(TimeSpan.FromSeconds(5)));
        var options = TestModels.Options(_server) with { TotalTimeout = TimeSpan.FromMilliseconds(400) };
        var planner = new AzureOpenAIPlanner(options, _tools, _logs);
        var watch = Stopwatch.StartNew();

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert
        Assert.Equal("model_timeout", ex.Code);
        Assert.Contains("did not answer within 0.4 s (the limit for one call, retries included)", ex.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task PlanAsync_CallerCancels_ThrowsOperationCanceled()
    {
        // Arrange
        _server.Reply(ChatReply.Completion(TestModels.Plan("run-1", ("search_docs", "x"))).After(TimeSpan.FromSeconds(5)));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // Act / Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => planner.PlanAsync(Request(), cancel.Token));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task PlanAsync_AuthError_FailsWithModelAuthWithoutRetrying(int status)
    {
        // Arrange
        _server.Reply(ChatReply.Error(status, "invalid_api_key", $"Access denied: the key {TestModels.ApiKey} is wrong"), ChatReply.Error(status));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal("model_auth", ex.Code);
        Assert.Equal($"the model endpoint refused the credentials for deployment 'planner' (HTTP {status}, invalid_api_key); check AZURE_OPENAI_API_KEY", ex.Message);
        Assert.Null(ex.InnerException);
        Assert.DoesNotContain(TestModels.ApiKey, ex.ToString());
        Assert.DoesNotContain(TestModels.ApiKey, _logs.All);
    }

    [Fact]
    public async Task PlanAsync_UnknownDeployment_FailsAsRejectedRequest()
    {
        // Arrange
        _server.Reply(ChatReply.Error(404, "DeploymentNotFound"));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal("model_rejected", ex.Code);
        Assert.Contains("(HTTP 404, DeploymentNotFound)", ex.Message);
    }

    [Fact]
    public async Task PlanAsync_EndpointDown_FailsAsUnavailable()
    {
        // Arrange: a port nothing listens on
        var root = _server.Root;
        await _server.DisposeAsync();
        var options = TestModels.Options(_server) with { Endpoint = new Uri(root, "openai/v1/") };
        var planner = new AzureOpenAIPlanner(options, _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert
        Assert.Equal("model_unavailable", ex.Code);
        Assert.Contains("could not be reached", ex.Message);
    }

    [Fact]
    public async Task PlanAsync_NoApiKey_SendsAnEntraIdBearerToken()
    {
        // Arrange
        _server.Reply(ChatReply.Completion(TestModels.Plan("run-1", ("search_docs", "x"))));
        var credential = new FakeTokenCredential("entra-token-123");
        var options = EntraOptions(credential);
        var planner = new AzureOpenAIPlanner(options, _tools, _logs);

        // Act
        await planner.PlanAsync(Request(), CancellationToken.None);

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.Equal("Bearer entra-token-123", request.Headers["Authorization"]);
        Assert.Null(request.Headers["api-key"]);
        Assert.Equal("/openai/deployments/planner/chat/completions", request.Path);
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
    }

    [Fact]
    public async Task PlanAsync_NoEntraIdToken_FailsWithModelAuthBeforeSending()
    {
        // Arrange
        var options = EntraOptions(new FakeTokenCredential("unused", fail: true));
        var planner = new AzureOpenAIPlanner(options, _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert
        Assert.Empty(_server.Requests);
        Assert.Equal("model_auth", ex.Code);
        Assert.Contains("no Entra ID token", ex.Message);
    }

    [Fact]
    public void Constructor_EntraIdOverPlainHttp_IsRefused()
    {
        // Arrange
        var options = TestModels.Options(_server) with { ApiKey = null };

        // Act
        var ex = Assert.Throws<ArgumentException>(() => new AzureOpenAIPlanner(options, _tools, _logs));

        // Assert
        Assert.Contains("only sent over https", ex.Message);
    }

    private AzureOpenAIOptions EntraOptions(FakeTokenCredential credential) => TestModels.Options(_server) with
    {
        ApiKey = null,
        Credential = credential,
        Endpoint = new Uri("https://example-resource.openai.azure.com/openai/v1/"),
        Transport = new HttpClientPipelineTransport(new HttpClient(new RewriteToLoopbackHandler(_server.Root))),
    };

    private static PlanRequest Request() => new("run-1", "What is the return policy?", 4, 1m, null, 1m);
}
