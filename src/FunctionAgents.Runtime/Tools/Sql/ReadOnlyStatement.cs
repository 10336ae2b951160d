using System.Globalization;
using System.Text.Json;
using FunctionAgents.Domain.Tools;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FunctionAgents.Runtime.Tools.Sql;

/// <summary>
/// Prepares one statement on an open connection, verifies with SQLite that it is a single read-only
/// statement, and steps it into query_sql's output shape. Cancellation calls <c>sqlite3_interrupt</c>.
/// </summary>
internal static class ReadOnlyStatement
{
    // Largest string or blob SQLite may build, so a query like zeroblob(1e9) fails instead of exhausting memory.
    private const int MaxValueBytes = 1_000_000;

    public static JsonElement Run(SqliteConnection connection, string sql, int rowCap, CancellationToken cancellationToken)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The database connection is not open.");
        raw.sqlite3_limit(db, raw.SQLITE_LIMIT_LENGTH, MaxValueBytes);
        using var interrupt = cancellationToken.Register(static state => raw.sqlite3_interrupt((sqlite3)state!), db);

        var rc = raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement, out string tail);
        using (statement)
        {
            if (rc != raw.SQLITE_OK)
            {
                throw new ToolInputException($"SQL error: {raw.sqlite3_errmsg(db).utf8_to_string()}");
            }

            if (statement.IsInvalid)
            {
                throw new ToolRefusedException("query_sql runs exactly one read-only SELECT or WITH statement; refused because there is no SQL statement.");
            }

            if (!SqlReadOnlyGuard.IsEmpty(tail ?? string.Empty))
            {
                throw new ToolRefusedException("query_sql runs exactly one read-only SELECT or WITH statement; refused because only one statement is allowed.");
            }

            if (raw.sqlite3_stmt_readonly(statement) == 0)
            {
                throw new ToolRefusedException("query_sql runs exactly one read-only SELECT or WITH statement; refused because SQLite reports that the statement writes.");
            }

            return Step(db, statement, rowCap, cancellationToken);
        }
    }

    private static JsonElement Step(sqlite3 db, sqlite3_stmt statement, int rowCap, CancellationToken cancellationToken)
    {
        var columns = ColumnNames(statement);
        return ToolJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("columns");
            foreach (var column in columns)
            {
                writer.WriteStringValue(column);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("rows");
            var rowCount = 0;
            var truncated = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_DONE)
                {
                    break;
                }

                if (rc == raw.SQLITE_INTERRUPT)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new OperationCanceledException("The query was interrupted.");
                }

                if (rc != raw.SQLITE_ROW)
                {
                    throw new InvalidOperationException($"SQL error: {raw.sqlite3_errmsg(db).utf8_to_string()}");
                }

                if (rowCount == rowCap)
                {
                    truncated = true;
                    break;
                }

                WriteRow(writer, statement, columns);
                rowCount++;
            }

            writer.WriteEndArray();
            writer.WriteNumber("rowCount", rowCount);
            writer.WriteBoolean("truncated", truncated);
            writer.WriteEndObject();
        });
    }

    /// <summary>Column names, made unique (<c>id</c>, <c>id_2</c>) so every row is a valid JSON object.</summary>
    private static List<string> ColumnNames(sqlite3_stmt statement)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var count = raw.sqlite3_column_count(statement);
        for (var i = 0; i < count; i++)
        {
            var name = raw.sqlite3_column_name(statement, i).utf8_to_string() ?? $"column{i + 1}";
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{n}");
            }

            names.Add(unique);
        }

        return names;
    }

    private static void WriteRow(Utf8JsonWriter writer, sqlite3_stmt statement, List<string> columns)
    {
        writer.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            writer.WritePropertyName(columns[i]);
            switch (raw.sqlite3_column_type(statement, i))
            {
                case raw.SQLITE_INTEGER:
                    writer.WriteNumberValue(raw.sqlite3_column_int64(statement, i));
                    break;
                case raw.SQLITE_FLOAT:
                    var number = raw.sqlite3_column_double(statement, i);
                    if (double.IsFinite(number))
                    {
                        writer.WriteNumberValue(number);
                    }
                    else
                    {
                        writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case raw.SQLITE_TEXT:
                    writer.WriteStringValue(raw.sqlite3_column_text(statement, i).utf8_to_string());
                    break;
                case raw.SQLITE_BLOB:
                    writer.WriteBase64StringValue(raw.sqlite3_column_blob(statement, i));
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }

        writer.WriteEndObject();
    }
}
