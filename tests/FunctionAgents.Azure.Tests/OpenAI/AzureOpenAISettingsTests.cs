using FunctionAgents.Azure.OpenAI;

namespace FunctionAgents.Azure.Tests.OpenAI;

public sealed class AzureOpenAISettingsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryRead_NoEndpoint_ReturnsNull(string? endpoint)
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["AZURE_OPENAI_ENDPOINT"] = endpoint, ["AZURE_OPENAI_PLANNER_DEPLOYMENT"] = "planner" };

        // Act
        var options = AzureOpenAISettings.TryRead(name => settings.GetValueOrDefault(name));

        // Assert
        Assert.Null(options);
    }

    [Fact]
    public void TryRead_AllSettings_ReadsThem()
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            ["AZURE_OPENAI_ENDPOINT"] = "https://contoso.openai.azure.com/openai/v1/",
            ["AZURE_OPENAI_PLANNER_DEPLOYMENT"] = "planner",
            ["AZURE_OPENAI_ANSWER_DEPLOYMENT"] = "answer",
            ["AZURE_OPENAI_PLANNER_MODEL"] = "gpt-4.1-mini",
            ["AZURE_OPENAI_ANSWER_MODEL"] = "gpt-4.1",
            ["AZURE_OPENAI_API_KEY"] = "key-123",
            ["FA_MODEL_TIMEOUT"] = "PT90S",
            ["FA_MODEL_ATTEMPT_TIMEOUT"] = "PT20S",
            ["FA_MODEL_MAX_RETRIES"] = "5",
            ["FA_MODEL_PRICES"] = """{ "gpt-4.1": { "input": 3, "output": 9 } }""",
        };

        // Act
        var options = AzureOpenAISettings.TryRead(name => settings.GetValueOrDefault(name))!;

        // Assert
        Assert.Equal(new Uri("https://contoso.openai.azure.com/openai/v1/"), options.Endpoint);
        Assert.Equal(("planner", "answer", "gpt-4.1-mini", "gpt-4.1"), (options.PlannerDeployment, options.AnswerDeployment, options.PlannerModel, options.AnswerModel));
        Assert.Equal("key-123", options.ApiKey);
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(20), 5), (options.TotalTimeout, options.AttemptTimeout, options.MaxRetries));
        Assert.Equal(3m, options.Prices.For("answer").InputPerMillionUsd);
        Assert.Equal(0.40m, options.Prices.For("planner").InputPerMillionUsd);
        Assert.DoesNotContain("key-123", options.ToString());
        Assert.Contains("auth api key", options.ToString());
    }

    [Fact]
    public void TryRead_OnlyPlannerDeployment_AnswersWithItToo()
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["AZURE_OPENAI_ENDPOINT"] = "https://contoso.openai.azure.com/openai/v1/", ["AZURE_OPENAI_PLANNER_DEPLOYMENT"] = "gpt-4.1-mini" };

        // Act
        var options = AzureOpenAISettings.TryRead(name => settings.GetValueOrDefault(name))!;

        // Assert
        Assert.Equal("gpt-4.1-mini", options.AnswerDeployment);
        Assert.Null(options.ApiKey);
        Assert.Contains("auth Entra ID", options.ToString());
    }

    [Fact]
    public void TryRead_EndpointWithoutDeployment_Throws()
    {
        // Act
        var ex = Assert.Throws<FormatException>(() => AzureOpenAISettings.TryRead(name => name == "AZURE_OPENAI_ENDPOINT" ? "https://contoso.openai.azure.com/" : null));

        // Assert
        Assert.Contains("AZURE_OPENAI_PLANNER_DEPLOYMENT", ex.Message);
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com", "https://contoso.openai.azure.com/openai/v1/")]
    [InlineData("https://contoso.openai.azure.com/", "https://contoso.openai.azure.com/openai/v1/")]
    [InlineData("https://contoso.cognitiveservices.azure.com/", "https://contoso.cognitiveservices.azure.com/openai/v1/")]
    [InlineData("https://contoso.openai.azure.com/openai/v1", "https://contoso.openai.azure.com/openai/v1/")]
    [InlineData("http://127.0.0.1:5123/openai/v1/", "http://127.0.0.1:5123/openai/v1/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("https://gateway.example.com/aoai/v1?x=1", "https://gateway.example.com/aoai/v1/")]
    public void NormalizeEndpoint_ResourceRootGetsTheV1Path_OthersKeepTheirs(string given, string expected)
    {
        // Act
        var endpoint = AzureOpenAISettings.NormalizeEndpoint(given);

        // Assert
        Assert.Equal(new Uri(expected), endpoint);
    }

    [Theory]
    [InlineData("contoso.openai.azure.com")]
    [InlineData("ftp://contoso.openai.azure.com/")]
    public void NormalizeEndpoint_NotAnHttpUrl_Throws(string given)
    {
        // Act / Assert
        Assert.Throws<FormatException>(() => AzureOpenAISettings.NormalizeEndpoint(given));
    }

    [Theory]
    [InlineData("FA_MODEL_MAX_RETRIES", "-1")]
    [InlineData("FA_MODEL_MAX_RETRIES", "11")]
    [InlineData("FA_MODEL_TIMEOUT", "90")]
    public void TryRead_MalformedSetting_ThrowsNamingIt(string name, string value)
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            ["AZURE_OPENAI_ENDPOINT"] = "https://contoso.openai.azure.com/",
            ["AZURE_OPENAI_PLANNER_DEPLOYMENT"] = "planner",
            [name] = value,
        };

        // Act
        var ex = Assert.Throws<FormatException>(() => AzureOpenAISettings.TryRead(n => settings.GetValueOrDefault(n)));

        // Assert
        Assert.Contains(name, ex.Message);
    }

    [Theory]
    [InlineData(null, ModelClientKind.AzureOpenAI)]
    [InlineData("azure", ModelClientKind.AzureOpenAI)]
    [InlineData("OpenAI", ModelClientKind.OpenAICompatible)]
    public void TryRead_ModelClient_SelectsTheSdkClient(string? value, ModelClientKind expected)
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["AZURE_OPENAI_ENDPOINT"] = "https://contoso.openai.azure.com/", ["AZURE_OPENAI_PLANNER_DEPLOYMENT"] = "p", ["FA_MODEL_CLIENT"] = value };

        // Act
        var options = AzureOpenAISettings.TryRead(name => settings.GetValueOrDefault(name))!;

        // Assert
        Assert.Equal(expected, options.Client);
    }

    [Fact]
    public void TryRead_UnknownModelClient_ThrowsNamingTheSetting()
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["AZURE_OPENAI_ENDPOINT"] = "https://contoso.openai.azure.com/", ["AZURE_OPENAI_PLANNER_DEPLOYMENT"] = "p", ["FA_MODEL_CLIENT"] = "bedrock" };

        // Act
        var ex = Assert.Throws<FormatException>(() => AzureOpenAISettings.TryRead(name => settings.GetValueOrDefault(name)));

        // Assert
        Assert.Contains("FA_MODEL_CLIENT", ex.Message, StringComparison.Ordinal);
    }
}
