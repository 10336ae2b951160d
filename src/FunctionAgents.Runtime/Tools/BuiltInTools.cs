using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools.Docs;
using FunctionAgents.Runtime.Tools.Email;
using FunctionAgents.Runtime.Tools.Sql;
using FunctionAgents.Runtime.Tools.Tickets;

namespace FunctionAgents.Runtime.Tools;

/// <summary>Wires the four built-in tools into a registry.</summary>
public static class BuiltInTools
{
    /// <summary>A registry of search_docs, query_sql, create_ticket and send_email, in that order.</summary>
    /// <param name="timeProvider">Stamps ticket and email records.</param>
    public static ToolRegistry CreateRegistry(
        BuiltInToolOptions options, ITicketStore tickets, IEmailOutbox outbox, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ToolRegistry(
        [
            new SearchDocsTool(options.DocsFolder, options.SearchDocs),
            new QuerySqlTool(options.DatabasePath, options.SqlRowCap, options.QuerySql),
            new CreateTicketTool(tickets, timeProvider, options.CreateTicket),
            new SendEmailTool(outbox, timeProvider, options.SendEmail),
        ]);
    }
}

/// <summary>Where the built-in tools find their data, and their limits (each defaults to the tool's own).</summary>
/// <param name="DocsFolder">Markdown corpus for search_docs (the sample is <c>samples/docs</c>).</param>
/// <param name="DatabasePath">SQLite file for query_sql (see <see cref="SampleShopDatabase.EnsureCreated"/>).</param>
public sealed record BuiltInToolOptions(string DocsFolder, string DatabasePath)
{
    public ToolLimits SearchDocs { get; init; } = SearchDocsTool.DefaultLimits;

    public ToolLimits QuerySql { get; init; } = QuerySqlTool.DefaultLimits;

    public ToolLimits CreateTicket { get; init; } = CreateTicketTool.DefaultLimits;

    public ToolLimits SendEmail { get; init; } = SendEmailTool.DefaultLimits;

    /// <summary>Most rows query_sql returns.</summary>
    public int SqlRowCap { get; init; } = QuerySqlTool.DefaultRowCap;
}
