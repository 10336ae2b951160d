using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Azure.Tools;

/// <summary>
/// A tool's side-effect table: one row per dispatch (PartitionKey = DispatchId, RowKey = the record kind), so a
/// retried activity finds the row its earlier attempt wrote and acts no second time. Call
/// <see cref="CreateTableIfNotExistsAsync"/> once at startup.
/// </summary>
/// <typeparam name="TRecord">The record one dispatch stores.</typeparam>
public abstract class DispatchKeyedTable<TRecord>
    where TRecord : class
{
    private readonly TableStorageClient _client;
    private readonly string _rowKey;

    protected DispatchKeyedTable(TableStorageClient client, string tableName, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        _rowKey = rowKey;
        TableName = tableName;
    }

    public string TableName { get; }

    public Task CreateTableIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _client.CreateTableIfNotExistsAsync(TableName, cancellationToken);

    /// <summary>A new row for <paramref name="dispatchId"/>, to fill with the record's columns.</summary>
    protected TableEntity NewRow(string dispatchId) => new(dispatchId, _rowKey);

    /// <summary>Inserts <paramref name="row"/>; when the dispatch already has one, returns the record stored there instead.</summary>
    protected async Task<TRecord> InsertOrReadAsync(TRecord record, TableEntity row, CancellationToken cancellationToken)
    {
        var stored = await DispatchKeyedRow.InsertOrReadAsync(_client, TableName, row, cancellationToken).ConfigureAwait(false);
        return ReferenceEquals(stored, row) ? record : Read(stored);
    }

    /// <summary>The record a stored row holds.</summary>
    protected abstract TRecord Read(TableEntity row);
}
