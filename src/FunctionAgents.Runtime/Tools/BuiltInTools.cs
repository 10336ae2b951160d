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
