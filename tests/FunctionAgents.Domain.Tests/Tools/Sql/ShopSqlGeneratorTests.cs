using FunctionAgents.Runtime.Tests.Tools;
using FunctionAgents.Runtime.Tests.Tools.Sql;

namespace FunctionAgents.Domain.Tests.Tools.Sql;

public sealed class ShopSqlGeneratorTests
{
    [Fact]
    public void Generate_CalledTwice_ProducesIdenticalText()
    {
        // Act
        var first = ShopSqlGenerator.Generate();
        var second = ShopSqlGenerator.Generate();

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_ComparedWithCommittedScript_MatchesSamplesShopSql()
    {
        // Arrange
        var generated = ShopSqlGenerator.Generate();
        if (Environment.GetEnvironmentVariable("FA_REGENERATE_SAMPLES") == "1")
        {
            File.WriteAllText(SamplePaths.ShopSql, generated);
        }

        // Act
        var committed = File.ReadAllText(SamplePaths.ShopSql).ReplaceLineEndings("\n");

        // Assert
        Assert.True(
            committed == generated,
            "samples/shop/shop.sql differs from ShopSqlGenerator; regenerate with FA_REGENERATE_SAMPLES=1.");
    }
}
