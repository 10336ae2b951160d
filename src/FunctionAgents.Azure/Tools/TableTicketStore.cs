using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Azure.Tools;

/// <summary>
/// Tickets in Azure Table Storage, one row per dispatch (PartitionKey = DispatchId, RowKey = "ticket";
/// TicketId, TenantId, RunId, Title, Body, Priority, CreatedAt). A repeated dispatch returns the stored
/// ticket and writes nothing. Call <see cref="DispatchKeyedTable{TRecord}.CreateTableIfNotExistsAsync"/> once at startup.
/// </summary>
public sealed class TableTicketStore : DispatchKeyedTable<TicketRecord>, ITicketStore
{
    /// <summary>The table name used unless another is configured.</summary>
    public const string DefaultTableName = StorageNames.Tables.Tickets;

    public TableTicketStore(TableStorageClient client, string tableName = DefaultTableName)
        : base(client, tableName, "ticket")
    {
    }

    public async Task<TicketRecord> CreateAsync(TicketRecord ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentException.ThrowIfNullOrEmpty(ticket.DispatchId);
        DispatchKeyedRow.CheckLength(ticket.Body, nameof(ticket.Body), ticket.DispatchId);
        var entity = NewRow(ticket.DispatchId);
        entity["TicketId"] = ticket.TicketId;
        entity["TenantId"] = ticket.TenantId;
        entity["RunId"] = ticket.RunId;
        entity["Title"] = ticket.Title;
        entity["Body"] = ticket.Body;
        entity["Priority"] = ticket.Priority;
        entity["CreatedAt"] = ticket.CreatedAt.UtcDateTime;
        return await InsertOrReadAsync(ticket, entity, cancellationToken).ConfigureAwait(false);
    }

    protected override TicketRecord Read(TableEntity row) => new(
        row.PartitionKey,
        DispatchKeyedRow.Required(row, "TicketId"),
        DispatchKeyedRow.Required(row, "TenantId"),
        DispatchKeyedRow.Required(row, "RunId"),
        DispatchKeyedRow.Required(row, "Title"),
        DispatchKeyedRow.Required(row, "Body"),
        DispatchKeyedRow.Required(row, "Priority"),
        DispatchKeyedRow.RequiredTime(row, "CreatedAt"));
}
