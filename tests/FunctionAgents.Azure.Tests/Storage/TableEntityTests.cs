using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.Tests.Storage;

public sealed class TableEntityTests
{
    [Fact]
    public void Indexer_UnsupportedType_Throws()
    {
        // Arrange
        var entity = new TableEntity("p", "r");

        // Act
        var ex = Assert.Throws<ArgumentException>(() => entity["When"] = DateTimeOffset.UtcNow);

        // Assert
        Assert.Contains("DateTimeOffset", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_Null_RemovesProperty()
    {
        // Arrange
        var entity = new TableEntity("p", "r") { ["A"] = 1 };

        // Act
        entity["A"] = null;

        // Assert
        Assert.Empty(entity.Properties);
    }

    [Fact]
    public void GetInt64_PropertyIsInt32_ThrowsNamingTypes()
    {
        // Arrange
        var entity = new TableEntity("p", "r") { ["A"] = 1 };

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => entity.GetInt64("A"));

        // Assert
        Assert.Contains("Int32", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\u0001b")]
    public void Serialize_KeyWithForbiddenCharacter_Throws(string rowKey)
    {
        // Arrange
        var entity = new TableEntity("p", rowKey);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(entity));

        // Assert
        Assert.Contains("RowKey", ex.Message, StringComparison.Ordinal);
    }
}
