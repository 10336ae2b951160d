using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Azure.Tests.OpenAI.Fakes;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Planning;
using FunctionAgents.Domain.Runs;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Azure.Tests.OpenAI;

public sealed class AzureOpenAIPlannerTests : IAsyncLifetime
{
    private readonly FakeChatServer _server = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly ToolRegistry _tools = new([new TestTool("search_docs"), new TestTool("query_sql")]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PlanAsync_ValidPlan_SendsStrictSchemaAndToolsAndRecordsTheCall()
    {
        // Arrange
        var plan = TestModels.Plan("run-1", ("search_docs", "return policy"));
        _server.Reply(ChatReply.Completion(plan, promptTokens: 812, completionTokens: 96));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var result = await planner.PlanAsync(Request(), CancellationToken.None);

        // Assert: the request
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/openai/deployments/planner/chat/completions", request.Path);
        Assert.Equal(TestModels.ApiKey, request.Headers["api-key"]);
        Assert.Null(request.Headers["Authorization"]);
        var body = request.Json;
        Assert.Equal("planner", body.GetProperty("model").GetString());
        Assert.Equal(2000, body.GetProperty("max_completion_tokens").GetInt32());
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("agent_plan", format.GetProperty("json_schema").GetProperty("name").GetString());
        var schema = format.GetProperty("json_schema").GetProperty("schema").GetRawText();
        Assert.Equal(PlanSchema.Build(_tools, strict: true).GetRawText(), schema);
        Assert.False(body.TryGetProperty("tools", out _));
        var system = request.Message("system");
        Assert.Contains("- search_docs: test tool search_docs", system);
        Assert.Contains("- query_sql: test tool query_sql", system);
        Assert.Contains("\"required\":[\"q\"]", system);
        var user = request.Message("user");
        Assert.Contains("Run id: run-1", user);
        Assert.Contains("maxSteps at most 4", user);
        Assert.Contains("What is the return policy for opened items?", user);

        // Assert: the result
        Assert.Equal("azure-openai:planner", result.Planner);
        Assert.Equal("planner/v2", result.PromptVersion);
        Assert.Equal(plan, result.RawPlan);
        var call = Assert.Single(result.ModelCalls);
        Assert.Equal("plan", call.Purpose);
        Assert.Equal("planner", call.Deployment);
        Assert.Equal(ChatReply.DefaultModel, call.Model);
        Assert.Equal("planner/v2", call.PromptVersion);
        Assert.Equal(ModelHashes.Of(system), call.PromptHash);
        Assert.Equal(ModelHashes.OfMessages(request.Messages.Select(m => new ModelMessage(m.Role, m.Content))), call.RequestHash);
        Assert.Equal(plan, call.RawResponse);
        Assert.Equal(812, call.InputTokens);
        Assert.Equal(96, call.OutputTokens);
        Assert.Equal("stop", call.FinishReason);
        Assert.True(call.LatencyMs >= 0);
        Assert.True(PlanValidator.Validate(result.RawPlan, _tools).IsValid);
    }

    [Fact]
    public async Task PlanAsync_InvalidThenRepaired_SendsViolationsBackAndReturnsBothCalls()
    {
        // Arrange
        var invalid = TestModels.InvalidPlan("run-1");
        var repaired = TestModels.Plan("run-1", ("search_docs", "return policy"));
        _server.Reply(ChatReply.Completion(invalid), ChatReply.Completion(repaired, promptTokens: 1500, completionTokens: 90));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var result = await planner.PlanAsync(Request(), CancellationToken.None);

        // Assert
        Assert.Equal(repaired, result.RawPlan);
        Assert.Equal(["plan", "repair"], result.ModelCalls.Select(c => c.Purpose));
        Assert.Equal(2, _server.Requests.Count);
        var repair = _server.Requests[1];
        Assert.Equal(["system", "user", "assistant", "user"], repair.Messages.Select(m => m.Role));
        Assert.Equal(invalid, repair.Messages[2].Content);
        var feedback = repair.Messages[3].Content;
        Assert.Contains("$.steps[0].tool", feedback);
        Assert.Contains("export_database", feedback);
        Assert.Contains("$.stopConditions", feedback);
        Assert.True(repair.Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal(result.ModelCalls[0].PromptHash, result.ModelCalls[1].PromptHash);
        Assert.NotEqual(result.ModelCalls[0].RequestHash, result.ModelCalls[1].RequestHash);
        Assert.Equal(repaired, result.ModelCalls[1].RawResponse);
    }

    [Fact]
    public async Task PlanAsync_InvalidTwice_ReturnsTheLastRawPlanWithBothCalls()
    {
        // Arrange
        var first = TestModels.InvalidPlan("run-1");
        var second = TestModels.InvalidPlan("run-1").Replace("Dump the database", "Still dumping");
        _server.Reply(ChatReply.Completion(first), ChatReply.Completion(second));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var result = await planner.PlanAsync(Request(), CancellationToken.None);

        // Assert
        Assert.Equal(second, result.RawPlan);
        Assert.Equal(["plan", "repair"], result.ModelCalls.Select(c => c.Purpose));
        Assert.Equal(2, _server.Requests.Count);
        Assert.False(PlanValidator.Validate(result.RawPlan, _tools).IsValid);
    }

    [Fact]
    public async Task PlanAsync_PlanAboveRunLimits_AsksForRepair()
    {
        // Arrange
        var tooBig = TestModels.Plan("run-1", ("search_docs", "a"), ("search_docs", "b"), ("query_sql", "c"));
        var fits = TestModels.Plan("run-1", ("search_docs", "a"));
        _server.Reply(ChatReply.Completion(tooBig), ChatReply.Completion(fits));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var result = await planner.PlanAsync(Request(maxSteps: 2), CancellationToken.None);

        // Assert
        Assert.Equal(fits, result.RawPlan);
        Assert.Contains("$.maxSteps: must be at most the run's maxSteps (2), was 3", _server.Requests[1].Messages[3].Content);
    }

    [Fact]
    public async Task PlanAsync_EstimateAboveRemainingBudget_ThrowsBeforeAnyRequest()
    {
        // Arrange
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<BudgetWouldBeExceededException>(() => planner.PlanAsync(Request(remaining: 0.001m), CancellationToken.None));

        // Assert: 2000 output tokens of gpt-4.1-mini alone cost 0.0032 USD
        Assert.Empty(_server.Requests);
        Assert.True(ex.EstimateUsd > 0.0032m);
        Assert.Contains("plan call to model deployment 'planner'", ex.Message);
    }

    [Fact]
    public async Task PlanAsync_RepairAboveRemainingBudget_RefusesCarryingTheFirstCall()
    {
        // Arrange: the first call's actual cost leaves less than a repair is estimated at
        var invalid = TestModels.InvalidPlan("run-1");
        _server.Reply(ChatReply.Completion(invalid, promptTokens: 10_000, completionTokens: 1000));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act: the plan call is estimated under 0.006 USD but costs 0.0056 USD, leaving far less than a repair needs
        var ex = await Assert.ThrowsAsync<BudgetWouldBeExceededException>(() => planner.PlanAsync(Request(remaining: 0.006m), CancellationToken.None));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal(invalid, Assert.Single(ex.CallsMade).RawResponse);
        Assert.Equal("plan", ex.CallsMade[0].Purpose);
        Assert.True(ex.EstimateUsd > 0m);
        Assert.Contains(_logs.Lines, l => l.Contains("no repair call (budget_exceeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanAsync_RepairCallFails_FailsNamingTheCauseCarryingTheFirstCall()
    {
        // Arrange
        var invalid = TestModels.InvalidPlan("run-1");
        _server.Reply(ChatReply.Completion(invalid), ChatReply.Error(401, "invalid_api_key"));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        var ex = await Assert.ThrowsAsync<RunFailureException>(() => planner.PlanAsync(Request(), CancellationToken.None));

        // Assert
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(FailureCodes.ModelAuth, ex.Code);
        Assert.Equal(invalid, Assert.Single(ex.CallsMade).RawResponse);
        Assert.Contains(_logs.Lines, l => l.Contains("no repair call (model_auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanAsync_GoalWithPlaceholderText_IsSentVerbatim()
    {
        // Arrange
        _server.Reply(ChatReply.Completion(TestModels.Plan("run-1", ("search_docs", "x"))));
        var planner = new AzureOpenAIPlanner(TestModels.Options(_server), _tools, _logs);

        // Act
        await planner.PlanAsync(Request(goal: "Explain {{tools}} and {{goal}} literally"), CancellationToken.None);

        // Assert
        Assert.Contains("Explain {{tools}} and {{goal}} literally", _server.Requests[0].Message("user"));
    }

    private static PlanRequest Request(int maxSteps = 4, decimal? remaining = 1m, string goal = "What is the return policy for opened items?") =>
        new("run-1", goal, maxSteps, 1m, null, remaining);
}
