using System.ClientModel;
using System.ClientModel.Primitives;
using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Azure.Tests.OpenAI.Fakes;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Planning.Offline;
using FunctionAgents.Domain.Planning.Planners;
using FunctionAgents.Domain.Responses;
using FunctionAgents.Domain.Responses.Offline;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Models;
using FunctionAgents.Runtime.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;

namespace FunctionAgents.Azure.Tests.OpenAI;

/// <summary>
/// Every way a model client is chosen, each over a real socket to <see cref="FakeChatServer"/>: the <c>openai</c> kind on
/// Azure's <c>/openai/v1/</c> surface with an Entra ID token, any IChatClient registered in DI (unkeyed, and keyed per
/// purpose), and the judge's keyed client from settings.
/// </summary>
public sealed class ChatClientProviderTests : IAsyncLifetime
{
    private readonly FakeChatServer _server = new();
    private readonly FakeChatServer _other = new();
    private readonly ToolRegistry _tools = new([new TestTool("search_docs")]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _other.DisposeAsync();
    }

    [Fact]
    public async Task OpenAIKind_AzureV1SurfaceWithoutKey_SendsAnEntraIdBearerTokenToTheV1Route()
    {
        // Arrange
        _server.Reply(ChatReply.Completion(TestModels.Plan("run-1", ("search_docs", "x"))));
        var credential = new FakeTokenCredential("entra-v1-token");
        var options = TestModels.Options(_server) with
        {
            Client = ModelClientKind.OpenAICompatible,
            ApiKey = null,
            Credential = credential,
            Endpoint = AzureOpenAISettings.NormalizeEndpoint("https://example-resource.openai.azure.com/"),
            Transport = new HttpClientPipelineTransport(new HttpClient(new RewriteToLoopbackHandler(_server.Root))),
        };
        var planner = new AzureOpenAIPlanner(options, _tools);

        // Act
        var result = await planner.PlanAsync(Request(), CancellationToken.None);

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("Bearer entra-v1-token", request.Headers["Authorization"]);
        Assert.Null(request.Headers["api-key"]);
        Assert.Equal("planner", request.Json.GetProperty("model").GetString());
        Assert.Contains(ChatClientFactory.EntraScope, credential.Scopes);
        Assert.Equal("plan", Assert.Single(result.ModelCalls).Purpose);
    }

    [Fact]
    public async Task OllamaKind_Plan_PostsToApiChatWithTheSchemaAndRecordsTheCall()
    {
        // Arrange
        var plan = TestModels.Plan("run-1", ("search_docs", "returns"));
        _server.Reply(ChatReply.Ollama(plan, promptTokens: 640, completionTokens: 64));
        var settings = new Dictionary<string, string?>
        {
            [AzureOpenAISettings.Endpoint] = _server.Root.ToString(),
            [AzureOpenAISettings.Client] = "ollama",
            [AzureOpenAISettings.PlannerDeployment] = "llama3.2",
        };
        var options = AzureOpenAISettings.TryRead(name => settings.GetValueOrDefault(name))!;
        var planner = new AzureOpenAIPlanner(options, _tools);

        // Act
        var result = await planner.PlanAsync(Request(), CancellationToken.None);

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal("llama3.2", request.Json.GetProperty("model").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, request.Json.GetProperty("format").ValueKind);
        Assert.Equal(plan, result.RawPlan);
        var call = Assert.Single(result.ModelCalls);
        Assert.Equal(("plan", "llama3.2", 640, 64, "stop"), (call.Purpose, call.Deployment, call.InputTokens, call.OutputTokens, call.FinishReason));
    }

    [Fact]
    public async Task RegisteredClient_Unkeyed_ServesPlannerAndAnswerThroughTheRuntimeMiddleware()
    {
        // Arrange: no endpoint setting; the app registers its own client in one line
        var plan = TestModels.Plan("run-1", ("search_docs", "returns"));
        _server.Reply(ChatReply.Completion(plan, promptTokens: 700, completionTokens: 70), ChatReply.Completion(TestModels.Answer("30 days.", "s1")));
        using var provider = Services(services => services.AddSingleton<IChatClient>(OpenAICompatible(_server, "my-model")));

        // Act
        var planner = provider.GetRequiredService<IPlanner>();
        var planned = await planner.PlanAsync(Request(), CancellationToken.None);
        var answered = await provider.GetRequiredService<IResponseBuilder>().BuildAsync(new ResponseRequest("run-1", "goal", null, [], 1m), CancellationToken.None);

        // Assert
        Assert.Equal("chat:my-model", planner.Name);
        Assert.Equal(plan, planned.RawPlan);
        var call = Assert.Single(planned.ModelCalls);
        Assert.Equal(("plan", "my-model", ChatReply.DefaultModel, 700, 70), (call.Purpose, call.Deployment, call.Model, call.InputTokens, call.OutputTokens));
        Assert.Equal("30 days.", answered.Text);
        Assert.Equal("answer", Assert.Single(answered.ModelCalls).Purpose);
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("/v1/chat/completions", r.Path));
        Assert.All(_server.Requests, r => Assert.Equal("my-model", r.Json.GetProperty("model").GetString()));
        Assert.True(_server.Requests[0].Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("strict").GetBoolean());
    }

    [Fact]
    public async Task RegisteredClient_KeyedForThePlanner_PlansThereAndAnswersOnTheUnkeyedOne()
    {
        // Arrange
        _server.Reply(ChatReply.Completion(TestModels.Plan("run-1", ("search_docs", "returns"))));
        _other.Reply(ChatReply.Completion(TestModels.Answer("30 days.", "s1")));
        using var provider = Services(services =>
        {
            services.AddKeyedSingleton<IChatClient>(ModelPurposes.Planner, OpenAICompatible(_server, "planner-model"));
            services.AddSingleton<IChatClient>(OpenAICompatible(_other, "general-model"));
        });

        // Act
        await provider.GetRequiredService<IPlanner>().PlanAsync(Request(), CancellationToken.None);
        await provider.GetRequiredService<IResponseBuilder>().BuildAsync(new ResponseRequest("run-1", "goal", null, [], 1m), CancellationToken.None);

        // Assert
        Assert.Equal("planner-model", Assert.Single(_server.Requests).Json.GetProperty("model").GetString());
        Assert.Equal("general-model", Assert.Single(_other.Requests).Json.GetProperty("model").GetString());
    }

    [Fact]
    public void NoClientAndNoEndpoint_KeepsTheOfflinePlannerAndBuilder()
    {
        // Arrange
        using var provider = Services(_ => { });

        // Act / Assert
        Assert.IsType<OfflinePlanner>(provider.GetRequiredService<IPlanner>());
        Assert.IsType<OfflineResponseBuilder>(provider.GetRequiredService<IResponseBuilder>());
        Assert.Null(ModelClients.Resolve(provider, ModelPurposes.Judge));
    }

    [Fact]
    public async Task Settings_JudgeDeployment_RegistersAKeyedJudgeClientOnThatDeployment()
    {
        // Arrange: one 503 first, which the judge's middleware retries
        _server.Reply(ChatReply.Error(503), ChatReply.Completion("""{"score":5}""", promptTokens: 50, completionTokens: 5));
        var settings = new Dictionary<string, string?>
        {
            [AzureOpenAISettings.Endpoint] = _server.Endpoint.ToString(),
            [AzureOpenAISettings.PlannerDeployment] = "planner",
            [AzureOpenAISettings.ApiKey] = TestModels.ApiKey,
            [AzureOpenAISettings.JudgeDeployment] = "judge-deployment",
        };
        var options = AzureOpenAISettings.TryRead(name => settings.GetValueOrDefault(name))!;
        var services = new ServiceCollection();
        services.AddSingleton<IToolCatalog>(_tools);
        services.AddAzureOpenAIModels(options);
        using var provider = services.BuildServiceProvider();

        // Act: the literal key the evaluators use
        var judge = provider.GetRequiredKeyedService<IChatClient>("judge");
        var response = await judge.GetResponseAsync("Rate the answer.");

        // Assert
        Assert.Equal("""{"score":5}""", response.Text);
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("/openai/deployments/judge-deployment/chat/completions", r.Path));
        Assert.Equal(TestModels.ApiKey, _server.Requests[1].Headers["api-key"]);
        var call = RecordingChatClient.Recorded(response);
        Assert.NotNull(call);
        Assert.Equal(("judge", "judge-deployment", 50, 5), (call.Purpose, call.Deployment, call.InputTokens, call.OutputTokens));
        Assert.IsType<AzureOpenAIPlanner>(provider.GetRequiredService<IPlanner>());
    }

    [Fact]
    public async Task RegisteredClient_NoEndpoint_TheJudgeKeyResolvesItWithTheRuntimeMiddleware()
    {
        // Arrange
        _server.Reply(ChatReply.Completion("""{"score":3}"""));
        using var provider = Services(services => services.AddSingleton<IChatClient>(OpenAICompatible(_server, "judge-model")));

        // Act
        var response = await provider.GetRequiredKeyedService<IChatClient>("judge").GetResponseAsync("Rate it.");

        // Assert
        var call = RecordingChatClient.Recorded(response);
        Assert.NotNull(call);
        Assert.Equal(("judge", "judge-model"), (call.Purpose, call.Deployment));
        Assert.Equal("judge-model", Assert.Single(_server.Requests).Json.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Settings_AppRegistersAnUnkeyedClient_ItServesEveryPurposeInsteadOfTheSettingsOnes()
    {
        // Arrange
        _other.Reply(ChatReply.Completion("""{"score":4}"""));
        var services = new ServiceCollection();
        services.AddSingleton<IToolCatalog>(_tools);
        services.AddAzureOpenAIModels(TestModels.Options(_server));
        services.AddSingleton<IChatClient>(OpenAICompatible(_other, "app-model"));
        using var provider = services.BuildServiceProvider();

        // Act
        await provider.GetRequiredKeyedService<IChatClient>(ModelPurposes.Judge).GetResponseAsync("Rate it.");

        // Assert
        Assert.Empty(_server.Requests);
        Assert.Equal("app-model", Assert.Single(_other.Requests).Json.GetProperty("model").GetString());
    }

    /// <summary>What the composition root registers for the models when no endpoint is set, plus the app's own registrations.</summary>
    private ServiceProvider Services(Action<IServiceCollection> app)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IToolCatalog>(_tools);
        services.AddSingleton(new OfflinePlanner(_tools));
        services.AddSingleton(new OfflineResponseBuilder(Path.GetTempPath()));
        services.AddChatModels(AzureOpenAISettings.ReadForRegisteredClients(_ => null));
        app(services);
        return services.BuildServiceProvider();
    }

    /// <summary>An IChatClient the app might register: the plain OpenAI client on the fake server.</summary>
    private static IChatClient OpenAICompatible(FakeChatServer server, string model) =>
        new OpenAIClient(new ApiKeyCredential("app-key"), new OpenAIClientOptions { Endpoint = new Uri(server.Root, "v1/") })
            .GetChatClient(model)
            .AsIChatClient();

    private static PlanRequest Request() => new("run-1", "What is the return policy?", 4, 1m, null, 1m);
}
