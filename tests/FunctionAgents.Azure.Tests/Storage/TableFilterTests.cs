using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.Tests.Storage;

public sealed class TableFilterTests
{
    [Fact]
    public void Create_InterpolatedValues_BecomeEscapedLiterals()
    {
        // Arrange
        var at = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(6);
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");

        // Act
        var filter = TableFilter.Create($"Name eq {"O'Brien' or 1 eq 1"} and Seq ge {42L} and N lt {7} and At ge {at} and Id eq {id} and Ok eq {true}");

        // Assert
        Assert.Equal(
            "Name eq 'O''Brien'' or 1 eq 1' and Seq ge 42L and N lt 7 and At ge datetime'2025-01-02T03:04:05.0000006Z' and Id eq guid'6f9619ff-8b86-d011-b42d-00cf4fc964ff' and Ok eq true",
            filter);
    }

    [Fact]
    public void Literal_UnsupportedType_Throws()
    {
        // Arrange
        var value = new object();

        // Act
        var ex = Assert.Throws<ArgumentException>(() => TableFilter.Literal(value));

        // Assert
        Assert.Contains("Object", ex.Message, StringComparison.Ordinal);
    }
}
