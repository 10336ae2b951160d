using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools.Sql;

namespace FunctionAgents.Runtime.Tests.Tools.Sql;

public sealed class SqlReadOnlyGuardTests
{
    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("  select * from orders;  ")]
    [InlineData("WITH t AS (SELECT 1 AS a) SELECT a FROM t")]
    [InlineData("SELECT \"delete\" FROM (SELECT 1 AS \"delete\")")]
    [InlineData("SELECT [update] FROM (SELECT 1 AS [update])")]
    [InlineData("SELECT name FROM pragma_table_info('orders')")]
    public void EnsureSingleRead_ReadStatement_DoesNotThrow(string sql)
    {
        // Act
        var ex = Record.Exception(() => SqlReadOnlyGuard.EnsureSingleRead(sql));

        // Assert
        Assert.Null(ex);
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2", "only one statement")]
    [InlineData("EXPLAIN SELECT 1", "must start with SELECT or WITH")]
    [InlineData("SELECT replace('a', 'a', 'b')", "REPLACE")]
    [InlineData("select 1 where 0 = (select count(*) from orders) or analyze", "ANALYZE")]
    [InlineData("SELECT 1 /* ; */ ; -- ;\n DETACH x", "only one statement")]
    public void EnsureSingleRead_Refused_SaysWhy(string sql, string reason)
    {
        // Act
        var ex = Assert.Throws<ToolRefusedException>(() => SqlReadOnlyGuard.EnsureSingleRead(sql));

        // Assert
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void StripCommentsAndLiterals_EscapedQuotes_RemovesWholeLiteral()
    {
        // Act
        var code = SqlReadOnlyGuard.StripCommentsAndLiterals("SELECT 'it''s DROP' AS x -- DELETE\nFROM t");

        // Assert
        Assert.DoesNotContain("DROP", code);
        Assert.DoesNotContain("DELETE", code);
        Assert.Contains("FROM t", code);
    }
}
