using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FunctionAgents.Runtime.Tools.Sql;

/// <summary>Builds the sample shop's SQLite file from its committed SQL script (<c>samples/shop/shop.sql</c>).</summary>
public static class SampleShopDatabase
{
    /// <summary>
    /// Makes sure <paramref name="dbPath"/> holds the database <paramref name="sqlPath"/> describes. Builds it into a
    /// temporary file and moves that into place, so readers never see a half-built file; does nothing when the
    /// file was already built from the same script (a hash of the script is kept in <c>PRAGMA user_version</c>).
    /// </summary>
    /// <returns>True when the database was (re)built, false when it was already current.</returns>
    public static bool EnsureCreated(string sqlPath, string dbPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        var script = File.ReadAllText(sqlPath);
        var version = ScriptVersion(script);
        if (File.Exists(dbPath) && ReadVersion(dbPath) == version)
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dbPath))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(dbPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Build(temporary, script, version);
            File.Move(temporary, dbPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }

    private static void Build(string path, string script, int version)
    {
        using var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadWriteCreate));
        connection.Open();
        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = script;
            command.ExecuteNonQuery();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version};");
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static int ReadVersion(string path)
    {
        try
        {
            using var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadOnly));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // Not a database (or a damaged one): rebuild it.
            return 0;
        }
    }

    /// <summary>A positive 31-bit number from the script's SHA-256, so any edit of the script triggers a rebuild.</summary>
    private static int ScriptVersion(string script)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(script));
        return Math.Max(1, BinaryPrimitives.ReadInt32BigEndian(hash) & int.MaxValue);
    }

    private static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
}
