using System.Collections.Frozen;
using System.Text.RegularExpressions;
using System.Text;
using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tools.Sql;

/// <summary>
/// First line of query_sql's defence: a small lexer that removes comments, string literals and quoted
/// identifiers, then refuses anything but one statement that starts with SELECT or WITH and names no
/// write, schema or connection keyword. The read-only connection and SQLite's own read-only check follow.
/// </summary>
internal static partial class SqlReadOnlyGuard
{
    private static readonly FrozenSet<string> ForbiddenKeywords = new[]
    {
        "ATTACH", "DETACH", "PRAGMA", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER",
        "VACUUM", "REINDEX", "ANALYZE", "LOAD_EXTENSION",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="ToolRefusedException"/> unless <paramref name="sql"/> is a single read statement.</summary>
    public static void EnsureSingleRead(string sql)
    {
        var code = StripCommentsAndLiterals(sql);
        var statements = code.Split(';').Count(s => !string.IsNullOrWhiteSpace(s));
        if (statements == 0)
        {
            throw Refuse("there is no SQL statement");
        }

        if (statements > 1)
        {
            throw Refuse("only one statement is allowed");
        }

        var words = Word().Matches(code).Select(m => m.Value).ToList();
        var first = words.Count > 0 ? words[0] : string.Empty;
        if (!first.Equals("SELECT", StringComparison.OrdinalIgnoreCase)
            && !first.Equals("WITH", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse("the statement must start with SELECT or WITH");
        }

        var forbidden = words.FirstOrDefault(ForbiddenKeywords.Contains);
        if (forbidden is not null)
        {
            throw Refuse($"the keyword {forbidden.ToUpperInvariant()} is not allowed");
        }
    }

    /// <summary>True when nothing but whitespace, semicolons and comments remains (used on SQLite's unparsed tail).</summary>
    public static bool IsEmpty(string sql) => StripCommentsAndLiterals(sql).All(c => char.IsWhiteSpace(c) || c == ';');

    /// <summary>Replaces each comment, string literal and quoted identifier by a space, so only code words remain.</summary>
    public static string StripCommentsAndLiterals(string sql)
    {
        var code = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
                code.Append(' ');
            }
            else if (c == '/' && next == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Refuse("a comment is not closed");
                }

                i = end + 2;
                code.Append(' ');
            }
            else if (c is '\'' or '"' or '`' or '[')
            {
                i = SkipQuoted(sql, i, c == '[' ? ']' : c);
                code.Append(' ');
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        return code.ToString();
    }

    /// <summary>Index just past the quoted run that opens at <paramref name="start"/>; a doubled closer is an escape.</summary>
    private static int SkipQuoted(string sql, int start, char closer)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == closer)
            {
                if (closer != ']' && i + 1 < sql.Length && sql[i + 1] == closer)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        throw Refuse("a quoted string or identifier is not closed");
    }

    private static ToolRefusedException Refuse(string reason) =>
        new($"query_sql runs exactly one read-only SELECT or WITH statement; refused because {reason}.");

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
