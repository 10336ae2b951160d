using FunctionAgents.Runtime.Tools.Sql;
using Microsoft.Data.Sqlite;

namespace FunctionAgents.Runtime.Tests.Tools.Sql;

public sealed class SampleShopDatabaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fa-shop-" + Guid.NewGuid().ToString("N"));

    public SampleShopDatabaseTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EnsureCreated_CalledTwice_BuildsOnceAndLeavesNoTemporaryFiles()
    {
        // Arrange
        var db = Path.Combine(_folder, "shop.db");

        // Act
        var first = SampleShopDatabase.EnsureCreated(SamplePaths.ShopSql, db);
        var second = SampleShopDatabase.EnsureCreated(SamplePaths.ShopSql, db);

        // Assert
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(["shop.db"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.Equal(450L, Scalar(db, "SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public void EnsureCreated_ScriptChanged_RebuildsDatabase()
    {
        // Arrange
        var sql = Path.Combine(_folder, "tiny.sql");
        var db = Path.Combine(_folder, "tiny.db");
        File.WriteAllText(sql, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
        SampleShopDatabase.EnsureCreated(sql, db);
        File.WriteAllText(sql, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);");

        // Act
        var rebuilt = SampleShopDatabase.EnsureCreated(sql, db);

        // Assert
        Assert.True(rebuilt);
        Assert.Equal(2L, Scalar(db, "SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void EnsureCreated_BrokenScript_ThrowsAndLeavesNoFile()
    {
        // Arrange
        var sql = Path.Combine(_folder, "broken.sql");
        var db = Path.Combine(_folder, "broken.db");
        File.WriteAllText(sql, "CREATE TABLE t (x INTEGER); INSERT INTO nowhere VALUES (1);");

        // Act
        Assert.Throws<SqliteException>(() => SampleShopDatabase.EnsureCreated(sql, db));

        // Assert
        Assert.Equal(["broken.sql"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
