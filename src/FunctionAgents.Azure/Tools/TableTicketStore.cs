using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Hosting;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Azure.Tools;

/// <summary>
/// Tickets in Azure Table Storage, one row per dispatch (PartitionKey = DispatchId, RowKey = "ticket";
/// TicketId, TenantId, RunId, Title, Body, Priority, CreatedAt). A repeated dispatch returns the stored
/// ticket and writes nothing. Call <see cref="CreateTableIfNotExistsAsync"/> once at startup.
/// </summary>
public sealed class TableTicketStore : ITicketStore
{
    /// <summary>The table name used unless another is configured.</summary>
    public const string DefaultTableName = TableNames.Tickets;

    private const string RowKey = "ticket";

    private readonly TableStorageClient _client;

    public TableTicketStore(TableStorageClient client, string tableName = DefaultTableName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        TableName = tableName;
    }

    public string TableName { get; }

    public Task CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _client.CreateTableIfNotExistsAsync(TableName, cancellationToken);

    public async Task<TicketRecord> CreateAsync(TicketRecord ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentException.ThrowIfNullOrEmpty(ticket.DispatchId);
        DispatchKeyedRow.CheckLength(ticket.Body, nameof(ticket.Body), ticket.DispatchId);
        var entity = new TableEntity(ticket.DispatchId, RowKey)
        {
            ["TicketId"] = ticket.TicketId,
            ["TenantId"] = ticket.TenantId,
            ["RunId"] = ticket.RunId,
            ["Title"] = ticket.Title,
            ["Body"] = ticket.Body,
            ["Priority"] = ticket.Priority,
            ["CreatedAt"] = ticket.CreatedAt.UtcDateTime,
        };
        var stored = await DispatchKeyedRow.InsertOrReadAsync(_client, TableName, entity, cancellationToken).ConfigureAwait(false);
        return ReferenceEquals(stored, entity) ? ticket : ToTicket(stored);
    }

    private static TicketRecord ToTicket(TableEntity row) => new(
        row.PartitionKey,
        DispatchKeyedRow.Required(row, "TicketId"),
        DispatchKeyedRow.Required(row, "TenantId"),
        DispatchKeyedRow.Required(row, "RunId"),
        DispatchKeyedRow.Required(row, "Title"),
        DispatchKeyedRow.Required(row, "Body"),
        DispatchKeyedRow.Required(row, "Priority"),
        DispatchKeyedRow.RequiredTime(row, "CreatedAt"));
}
