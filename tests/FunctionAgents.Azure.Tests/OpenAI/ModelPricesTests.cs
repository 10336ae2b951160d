using FunctionAgents.Azure.OpenAI;
using FunctionAgents.Domain.Costs;
using FunctionAgents.Domain.Events;

namespace FunctionAgents.Azure.Tests.OpenAI;

public sealed class ModelPricesTests
{
    [Fact]
    public void Default_KnownModel_HasItsListPrice()
    {
        // Act
        var price = ModelPrices.Default.For("gpt-4.1-mini");

        // Assert
        Assert.Equal(new ModelPrice(0.40m, 1.60m), price);
    }

    [Fact]
    public void Default_UnknownModel_CostsTheDearFallback()
    {
        // Act
        var price = ModelPrices.Default.For("mystery-model");

        // Assert
        Assert.Equal(ModelPrices.DefaultFallback, price);
        Assert.True(ModelPrices.DefaultModels.Values.All(p => p.InputPerMillionUsd <= price.InputPerMillionUsd && p.OutputPerMillionUsd <= price.OutputPerMillionUsd));
    }

    [Fact]
    public void CostOf_DatedSnapshotFromTheResponse_IsPricedAsItsModel()
    {
        // Arrange
        var call = new ModelCalled("plan", "planner", "gpt-4.1-mini-2025-04-14", "planner/v1", "h", "r", "{}", 1_000_000, 1_000_000, 10, "stop");

        // Act
        var cost = ModelPrices.Default.CostOf(call);

        // Assert
        Assert.Equal(2.00m, cost);
    }

    [Fact]
    public void Parse_DeploymentAlias_PricesTheDeploymentAsItsModel()
    {
        // Arrange
        var table = ModelPrices.Parse(null, new Dictionary<string, string> { ["answer"] = "gpt-4.1" });
        var call = new ModelCalled("answer", "answer", "some-unlisted-name", "answer/v1", "h", "r", "{}", 1_000_000, 0, 10, "stop");

        // Act
        var cost = table.CostOf(call);

        // Assert
        Assert.Equal(2.00m, cost);
    }

    [Fact]
    public void Parse_Json_AddsReplacesAndSetsTheFallback()
    {
        // Act
        var table = ModelPrices.Parse("""{ "gpt-4.1-mini": { "input": 0.5, "output": 2 }, "my-ft-model": { "input": 1, "output": 1 }, "*": { "input": 7, "output": 21 } }""");

        // Assert
        Assert.Equal(new ModelPrice(0.5m, 2m), table.For("gpt-4.1-mini"));
        Assert.Equal(new ModelPrice(1m, 1m), table.For("MY-FT-MODEL"));
        Assert.Equal(new ModelPrice(2.00m, 8.00m), table.For("gpt-4.1"));
        Assert.Equal(new ModelPrice(7m, 21m), table.Fallback);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{ "m": { "input": 1 } }""")]
    [InlineData("""{ "m": { "input": -1, "output": 1 } }""")]
    [InlineData("""{ "m": { "input": "1", "output": 1 } }""")]
    public void Parse_Malformed_ThrowsNamingTheSetting(string json)
    {
        // Act
        var ex = Assert.Throws<FormatException>(() => ModelPrices.Parse(json));

        // Assert
        Assert.Contains("FA_MODEL_PRICES", ex.Message);
    }
}
