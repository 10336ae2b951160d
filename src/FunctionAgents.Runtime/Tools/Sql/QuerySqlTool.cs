using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Tools;
using Microsoft.Data.Sqlite;

namespace FunctionAgents.Runtime.Tools.Sql;

/// <summary>
/// <c>query_sql</c>: one read-only SELECT or WITH statement against a SQLite database opened read-only.
/// Refuses (<see cref="ToolErrorCodes.Refused"/>) anything else, whatever policy allowed. Output:
/// <c>{ columns: [...], rows: [ { column: value } ], rowCount, truncated }</c>; <c>truncated</c> is true when
/// the row cap cut the result (or the executor's output cap did, in which case <c>rows</c> holds fewer than
/// <c>rowCount</c>). Cancellation interrupts the running statement.
/// </summary>
public sealed class QuerySqlTool : ITool
{
    /// <summary>Rows returned when no other cap is configured.</summary>
    public const int DefaultRowCap = 200;

    private const int MaxSqlLength = 10_000;

    private static readonly JsonElement Schema = ToolJson.Parse("""
        {
          "type": "object",
          "properties": {
            "sql": {
              "type": "string",
              "description": "Exactly one read-only SQLite statement starting with SELECT or WITH, against the shop tables customers, orders, order_items and refunds. Writes, PRAGMA, ATTACH and multiple statements are refused. At most 10000 characters.",
              "pattern": "\\S"
            }
          },
          "required": ["sql"],
          "additionalProperties": false
        }
        """);

    private readonly string _databasePath;
    private readonly int _rowCap;
    private readonly ToolLimits _limits;

    /// <param name="databasePath">An existing SQLite file; it is only ever opened read-only.</param>
    /// <param name="rowCap">Most rows returned; further rows set <c>truncated</c>.</param>
    /// <param name="limits">Defaults to <see cref="DefaultLimits"/>.</param>
    public QuerySqlTool(string databasePath, int rowCap = DefaultRowCap, ToolLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowCap, 1);
        _databasePath = databasePath;
        _rowCap = rowCap;
        _limits = limits ?? DefaultLimits;
    }

    /// <summary>5 s, 0.001 USD per call, 32 KiB of output.</summary>
    public static ToolLimits DefaultLimits { get; } = new(TimeSpan.FromSeconds(5), 0.001m, 32 * 1024);

    public string Name => "query_sql";

    public string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"Runs one read-only SQL query (SQLite dialect) against the Kestrel Goods shop database: customers, orders, order_items and refunds. Returns columns and up to {_rowCap} rows.");

    public JsonElement InputSchema => Schema;

    public TimeSpan Timeout => _limits.Timeout;

    public decimal CostPerCallUsd => _limits.CostPerCallUsd;

    public int OutputCapBytes => _limits.OutputCapBytes;

    public Task<JsonElement> ExecuteAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var sql = ToolJson.RequiredString(invocation.Input, "sql", MaxSqlLength);
        SqlReadOnlyGuard.EnsureSingleRead(sql);
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(_databasePath))
        {
            throw new FileNotFoundException("The shop database is not available.");
        }

        using var connection = OpenReadOnly(_databasePath);
        return Task.FromResult(ReadOnlyStatement.Run(connection, sql, _rowCap, cancellationToken));
    }

    private static SqliteConnection OpenReadOnly(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA query_only = 1;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
