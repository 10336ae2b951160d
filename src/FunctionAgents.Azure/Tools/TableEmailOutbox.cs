using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Azure.Tools;

/// <summary>
/// The email outbox in Azure Table Storage, one row per dispatch (PartitionKey = DispatchId, RowKey =
/// "email"; MessageId, TenantId, RunId, To, Subject, Body, QueuedAt). A repeated dispatch returns the
/// stored entry and writes nothing. Call <see cref="DispatchKeyedTable{TRecord}.CreateTableIfNotExistsAsync"/> once at startup.
/// </summary>
public sealed class TableEmailOutbox : DispatchKeyedTable<OutboxEmail>, IEmailOutbox
{
    /// <summary>The table name used unless another is configured.</summary>
    public const string DefaultTableName = StorageNames.Tables.EmailOutbox;

    public TableEmailOutbox(TableStorageClient client, string tableName = DefaultTableName)
        : base(client, tableName, "email")
    {
    }

    public async Task<OutboxEmail> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrEmpty(email.DispatchId);
        DispatchKeyedRow.CheckLength(email.Body, nameof(email.Body), email.DispatchId);
        var entity = NewRow(email.DispatchId);
        entity["MessageId"] = email.MessageId;
        entity["TenantId"] = email.TenantId;
        entity["RunId"] = email.RunId;
        entity["To"] = email.To;
        entity["Subject"] = email.Subject;
        entity["Body"] = email.Body;
        entity["QueuedAt"] = email.QueuedAt.UtcDateTime;
        return await InsertOrReadAsync(email, entity, cancellationToken).ConfigureAwait(false);
    }

    protected override OutboxEmail Read(TableEntity row) => new(
        row.PartitionKey,
        DispatchKeyedRow.Required(row, "MessageId"),
        DispatchKeyedRow.Required(row, "TenantId"),
        DispatchKeyedRow.Required(row, "RunId"),
        DispatchKeyedRow.Required(row, "To"),
        DispatchKeyedRow.Required(row, "Subject"),
        DispatchKeyedRow.Required(row, "Body"),
        DispatchKeyedRow.RequiredTime(row, "QueuedAt"));
}
