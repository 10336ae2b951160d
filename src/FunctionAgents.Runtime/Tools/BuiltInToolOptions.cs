using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools.Docs;
using FunctionAgents.Runtime.Tools.Email;
using FunctionAgents.Runtime.Tools.Sql;
using FunctionAgents.Runtime.Tools.Tickets;

namespace FunctionAgents.Runtime.Tools;

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
