using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Runtime.Hosting;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Azure.Tools;

/// <summary>
/// The email outbox in Azure Table Storage, one row per dispatch (PartitionKey = DispatchId, RowKey =
/// "email"; MessageId, TenantId, RunId, To, Subject, Body, QueuedAt). A repeated dispatch returns the
/// stored entry and writes nothing. Call <see cref="CreateTableIfNotExistsAsync"/> once at startup.
/// </summary>
public sealed class TableEmailOutbox : IEmailOutbox
{
    /// <summary>The table name used unless another is configured.</summary>
    public const string DefaultTableName = TableNames.EmailOutbox;

    private const string RowKey = "email";

    private readonly TableStorageClient _client;

    public TableEmailOutbox(TableStorageClient client, string tableName = DefaultTableName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        TableName = tableName;
    }

    public string TableName { get; }

    public Task CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _client.CreateTableIfNotExistsAsync(TableName, cancellationToken);

    public async Task<OutboxEmail> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrEmpty(email.DispatchId);
        DispatchKeyedRow.CheckLength(email.Body, nameof(email.Body), email.DispatchId);
        var entity = new TableEntity(email.DispatchId, RowKey)
        {
            ["MessageId"] = email.MessageId,
            ["TenantId"] = email.TenantId,
            ["RunId"] = email.RunId,
            ["To"] = email.To,
            ["Subject"] = email.Subject,
            ["Body"] = email.Body,
            ["QueuedAt"] = email.QueuedAt.UtcDateTime,
        };
        var stored = await DispatchKeyedRow.InsertOrReadAsync(_client, TableName, entity, cancellationToken).ConfigureAwait(false);
        return ReferenceEquals(stored, entity) ? email : ToEmail(stored);
    }

    private static OutboxEmail ToEmail(TableEntity row) => new(
        row.PartitionKey,
        DispatchKeyedRow.Required(row, "MessageId"),
        DispatchKeyedRow.Required(row, "TenantId"),
        DispatchKeyedRow.Required(row, "RunId"),
        DispatchKeyedRow.Required(row, "To"),
        DispatchKeyedRow.Required(row, "Subject"),
        DispatchKeyedRow.Required(row, "Body"),
        DispatchKeyedRow.RequiredTime(row, "QueuedAt"));
}
