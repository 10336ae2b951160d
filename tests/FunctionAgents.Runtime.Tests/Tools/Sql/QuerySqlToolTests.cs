using System.Text.Json;
using FunctionAgents.Runtime.Tests.Tools.Fakes;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools.Sql;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Tools.Sql;

public sealed class QuerySqlToolTests
{
    private static async Task<ToolObservation> QueryAsync(string sql, int rowCap = QuerySqlTool.DefaultRowCap, ToolLimits? limits = null)
    {
        var tool = new QuerySqlTool(ShopDatabase.FilePath, rowCap, limits);
        var executor = new ToolExecutor(new ToolRegistry([tool]), TimeProvider.System);
        return await executor.ExecuteAsync(Invocations.For(new { sql }), "query_sql", CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_DemoOrderLookup_ReturnsAnnaSchmidtsDeliveredOrder()
    {
        // Arrange
        const string sql = """
            SELECT o.order_id, o.status, o.delivered_at, c.first_name, c.last_name, c.email, c.country
            FROM orders o JOIN customers c ON c.customer_id = o.customer_id
            WHERE o.order_id = 1042
            """;

        // Act
        var observation = await QueryAsync(sql);

        // Assert
        Assert.True(observation.Success, observation.Error?.Message);
        var output = observation.Output!.Value;
        Assert.Equal(
            ["order_id", "status", "delivered_at", "first_name", "last_name", "email", "country"],
            output.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var row = output.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal(1042, row.GetProperty("order_id").GetInt64());
        Assert.Equal("delivered", row.GetProperty("status").GetString());
        Assert.StartsWith("2026-11-10", row.GetProperty("delivered_at").GetString());
        Assert.Equal("Anna", row.GetProperty("first_name").GetString());
        Assert.Equal("Schmidt", row.GetProperty("last_name").GetString());
        Assert.Equal("anna.schmidt@example.de", row.GetProperty("email").GetString());
        Assert.Equal("Germany", row.GetProperty("country").GetString());
        Assert.Equal(1, output.GetProperty("rowCount").GetInt32());
        Assert.False(output.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task ExecuteAsync_SampleData_HasHundredsOfRowsAcrossTables()
    {
        // Act
        var observation = await QueryAsync("""
            SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM orders) AS orders,
                   (SELECT COUNT(*) FROM order_items) AS items, (SELECT COUNT(*) FROM refunds) AS refunds,
                   (SELECT COUNT(*) FROM orders WHERE delivered_at >= '2026-11-20') AS delivered_after_reference
            """);

        // Assert
        var row = observation.Output!.Value.GetProperty("rows")[0];
        Assert.Equal(150, row.GetProperty("customers").GetInt32());
        Assert.Equal(450, row.GetProperty("orders").GetInt32());
        Assert.True(row.GetProperty("items").GetInt32() > 450);
        Assert.True(row.GetProperty("refunds").GetInt32() >= 30);
        Assert.Equal(0, row.GetProperty("delivered_after_reference").GetInt32());
    }

    [Fact]
    public async Task ExecuteAsync_MoreRowsThanCap_ReturnsCapAndTruncated()
    {
        // Act
        var observation = await QueryAsync("SELECT order_id FROM orders ORDER BY order_id", rowCap: 25);

        // Assert
        var output = observation.Output!.Value;
        Assert.Equal(25, output.GetProperty("rows").GetArrayLength());
        Assert.Equal(25, output.GetProperty("rowCount").GetInt32());
        Assert.True(output.GetProperty("truncated").GetBoolean());
        Assert.False(observation.Truncated);
    }

    [Fact]
    public async Task ExecuteAsync_OutputOverByteCap_KeepsRowPrefixAndMarksObservationTruncated()
    {
        // Arrange
        var limits = QuerySqlTool.DefaultLimits with { OutputCapBytes = 2048 };

        // Act
        var observation = await QueryAsync("SELECT * FROM customers ORDER BY customer_id", limits: limits);

        // Assert
        Assert.True(observation.Success);
        Assert.True(observation.Truncated);
        var output = observation.Output!.Value;
        Assert.True(output.GetProperty("truncated").GetBoolean());
        Assert.Equal(1, output.GetProperty("rows")[0].GetProperty("customer_id").GetInt32());
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(output).Length <= 2048);
    }

    [Fact]
    public async Task ExecuteAsync_ValueTypes_MapToJsonTypes()
    {
        // Act
        var observation = await QueryAsync("SELECT 1 AS i, 2.5 AS r, 'x' AS t, NULL AS n, x'CAFE' AS b, 1 AS i");

        // Assert
        var row = observation.Output!.Value.GetProperty("rows")[0];
        Assert.Equal(1, row.GetProperty("i").GetInt32());
        Assert.Equal(2.5, row.GetProperty("r").GetDouble());
        Assert.Equal("x", row.GetProperty("t").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("n").ValueKind);
        Assert.Equal("yv4=", row.GetProperty("b").GetString());
        Assert.Equal(1, row.GetProperty("i_2").GetInt32());
    }

    [Fact]
    public async Task ExecuteAsync_KeywordsInsideStringLiteralsAndComments_AreAllowed()
    {
        // Act
        var observation = await QueryAsync("/* reads only */ SELECT 'DROP TABLE orders; DELETE' AS note -- not a write\n;");

        // Assert
        Assert.True(observation.Success, observation.Error?.Message);
        Assert.Equal("DROP TABLE orders; DELETE", observation.Output!.Value.GetProperty("rows")[0].GetProperty("note").GetString());
    }

    [Theory]
    [InlineData("INSERT INTO refunds VALUES (999, 1042, 1.0, 'EUR', 'x', 'issued', '2026-11-20 00:00:00', NULL)")]
    [InlineData("UPDATE orders SET status = 'returned' WHERE order_id = 1042")]
    [InlineData("DELETE FROM orders")]
    [InlineData("DROP TABLE orders")]
    [InlineData("SELECT 1; DELETE FROM orders")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("ATTACH DATABASE '/tmp/x.db' AS x")]
    [InlineData("SELECT * FROM orders; ATTACH DATABASE 'file::memory:' AS m")]
    [InlineData("PRAGMA query_only = 0")]
    [InlineData("SELECT 1 /* harmless */; PRAGMA writable_schema = 1")]
    [InlineData("/* SELECT */ DELETE FROM orders")]
    [InlineData("-- SELECT\nDELETE FROM orders")]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM orders")]
    [InlineData("WITH x AS (SELECT 1) INSERT INTO refunds SELECT * FROM refunds")]
    [InlineData("SELECT load_extension('evil')")]
    [InlineData("SELECT * FROM orders WHERE 1 = 1 /* unterminated")]
    [InlineData("SELECT 'unterminated")]
    [InlineData("VACUUM")]
    [InlineData("-- only a comment")]
    public async Task ExecuteAsync_NonReadOrMultiStatement_IsRefusedByTheTool(string sql)
    {
        // Act
        var observation = await QueryAsync(sql);

        // Assert
        Assert.False(observation.Success);
        Assert.Equal(ToolErrorCodes.Refused, observation.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_RefusedWrite_LeavesDataUnchanged()
    {
        // Arrange
        await QueryAsync("UPDATE orders SET status = 'returned' WHERE order_id = 1042");

        // Act
        var observation = await QueryAsync("SELECT status FROM orders WHERE order_id = 1042");

        // Assert
        Assert.Equal("delivered", observation.Output!.Value.GetProperty("rows")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_SyntaxError_ReturnsInvalidInputWithSqliteMessage()
    {
        // Act
        var observation = await QueryAsync("SELECT no_such_column FROM orders");

        // Assert
        Assert.Equal(ToolErrorCodes.InvalidInput, observation.Error!.Code);
        Assert.Contains("no such column", observation.Error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_LongRunningRecursiveQuery_TimesOutAndIsInterrupted()
    {
        // Arrange
        const string sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) FROM n";
        var limits = QuerySqlTool.DefaultLimits with { Timeout = TimeSpan.FromMilliseconds(300) };

        // Act
        var observation = await QueryAsync(sql, limits: limits);

        // Assert
        Assert.False(observation.Success);
        Assert.Equal(ToolErrorCodes.Timeout, observation.Error!.Code);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDirectly_InterruptsSqliteAndThrowsCancellation()
    {
        // Arrange
        const string sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) FROM n";
        var tool = new QuerySqlTool(ShopDatabase.FilePath);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // Act
        var run = Task.Run(() => tool.ExecuteAsync(Invocations.For(new { sql }), cts.Token));

        // Assert: the statement stops well before the test's own guard.
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(run, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public void Run_WriteStatementPastTheLexer_IsRefusedBySqliteReadOnlyCheck()
    {
        // Arrange: the second and third layers on their own, without the lexer in front.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={ShopDatabase.FilePath};Mode=ReadOnly;Pooling=False");
        connection.Open();

        // Act
        var ex = Assert.Throws<ToolRefusedException>(
            () => ReadOnlyStatement.Run(connection, "DELETE FROM refunds", 10, CancellationToken.None));

        // Assert
        Assert.Contains("SQLite reports that the statement writes", ex.Message);
    }
}
