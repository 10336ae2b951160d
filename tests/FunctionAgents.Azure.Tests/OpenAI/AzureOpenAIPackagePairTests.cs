using System.Reflection;
using Azure.AI.OpenAI;
using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Azure.Tests.OpenAI.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionAgents.Azure.Tests.OpenAI;

/// <summary>
/// Proves the package pair this repository pins (Azure.AI.OpenAI 2.9.0-beta.1 with OpenAI 2.15.0) at run time: a
/// JSON-schema chat call through <see cref="AzureOpenAIClient"/> to a real HTTP listener on 127.0.0.1. With
/// Azure.AI.OpenAI 2.1.0 the same call throws MissingMethodException inside the SDK, so this test is what catches a
/// pin that restores and builds but cannot run.
/// </summary>
public sealed class AzureOpenAIPackagePairTests : IAsyncDisposable
{
    private const string Schema = """{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}""";

    private readonly FakeChatServer _server = new();

    [Fact]
    public void PinnedAssemblies_AreTheProvenPair()
    {
        // Act
        var azure = typeof(AzureOpenAIClient).Assembly.GetName().Version!;
        var openAi = typeof(global::OpenAI.Chat.ChatClient).Assembly.GetName().Version!;

        // Assert
        Assert.Equal((2, 9), (azure.Major, azure.Minor));
        Assert.Equal((2, 15), (openAi.Major, openAi.Minor));
    }

    [Fact]
    public void ModelPortAssemblies_EveryReferenceLoadsAtOrAboveTheVersionItWasBuiltAgainst()
    {
        // Arrange: Microsoft.Extensions.AI 11.0.0 would reference Logging.Abstractions and DiagnosticSource 11.0.0.0,
        // which neither the 10.0.15 pins nor the .NET 10 runtime provide; restore succeeds, the first call would not.
        Assembly[] port =
        [
            typeof(ChatClientBuilder).Assembly,
            typeof(IChatClient).Assembly,
            typeof(OpenAIClientExtensions).Assembly,
            typeof(AzureOpenAIClient).Assembly,
        ];

        // Act / Assert
        foreach (var assembly in port)
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var loaded = Assembly.Load(reference).GetName();
                Assert.True(loaded.Version >= reference.Version, $"{assembly.GetName().Name} needs {reference}, loaded {loaded.Version}");
            }
        }

        Assert.Equal((10, 11), (typeof(ChatClientBuilder).Assembly.GetName().Version!.Major, typeof(ChatClientBuilder).Assembly.GetName().Version!.Minor));
    }

    [Fact]
    public async Task AzureClient_JsonSchemaCall_GoesToTheDeploymentRouteWithApiKeyAndParsesTheReply()
    {
        // Arrange
        _server.Reply(ChatReply.Completion("""{"answer":"42"}""", promptTokens: 31, completionTokens: 7));
        var options = TestModels.Options(_server);
        var model = new ChatModel(ChatClientFactory.Create(options, "planner"), options, "planner", "gpt-4.1-mini", null, NullLogger.Instance, TimeProvider.System);

        // Act
        var call = await model.CallAsync(Request(), remainingBudgetUsd: null, CancellationToken.None);

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/deployments/planner/chat/completions", request.Path);
        Assert.Contains("api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal(TestModels.ApiKey, request.Headers["api-key"]);
        var format = request.Json.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("reply", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("""{"answer":"42"}""", call.RawResponse);
        Assert.Equal(31, call.InputTokens);
        Assert.Equal(7, call.OutputTokens);
    }

    [Fact]
    public async Task OpenAICompatibleClient_SameCall_GoesToTheBaseUrlWithABearerKey()
    {
        // Arrange
        _server.Reply(ChatReply.Completion("""{"answer":"43"}"""));
        var options = TestModels.Options(_server) with { Client = ModelClientKind.OpenAICompatible, Endpoint = new Uri(_server.Root, "v1/") };
        var model = new ChatModel(ChatClientFactory.Create(options, "gpt-4.1-mini"), options, "gpt-4.1-mini", null, null, NullLogger.Instance, TimeProvider.System);

        // Act
        var call = await model.CallAsync(Request(), remainingBudgetUsd: null, CancellationToken.None);

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + TestModels.ApiKey, request.Headers["Authorization"]);
        Assert.Null(request.Headers["api-key"]);
        Assert.Equal("gpt-4.1-mini", request.Json.GetProperty("model").GetString());
        Assert.Equal("""{"answer":"43"}""", call.RawResponse);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static ModelCallRequest Request() => new(
        "plan",
        "test/v1",
        "hash",
        [ModelMessage.System("Answer in JSON."), ModelMessage.User("What is six times seven?")],
        new ModelResponseFormat("reply", "One answer.", Schema),
        100);
}
