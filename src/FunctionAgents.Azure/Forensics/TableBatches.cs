using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Storage;

namespace FunctionAgents.Azure.Forensics;

/// <summary>
/// Writes and deletes many rows with as few entity group transactions as possible: one per partition and at most
/// 100 rows and about 3.5 MiB each (the service's limits are 100 actions and 4 MiB).
/// </summary>
internal static class TableBatches
{
    private const int MaxBodyBytes = 3_500_000;

    // Multipart framing per action on top of the entity JSON.
    private const int OverheadPerAction = 512;

    /// <summary>Inserts or replaces every entity; rows of one partition are applied all or nothing per transaction.</summary>
    public static async Task UpsertAsync(TableStorageClient client, string table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var batch in Batches(entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))))
        {
            await client.SubmitTransactionAsync(table, batch, cancellationToken);
        }
    }

    /// <summary>Deletes the rows; a row that is already gone is not an error. Returns how many were deleted by this call or already gone.</summary>
    public static async Task<long> DeleteAsync(TableStorageClient client, string table, IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        long deleted = 0;
        var actions = keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.PartitionKey, k.RowKey)));
        foreach (var batch in Batches(actions))
        {
            try
            {
                await client.SubmitTransactionAsync(table, batch, cancellationToken);
            }
            catch (StorageNotFoundException)
            {
                // Someone removed a row of this batch meanwhile; nothing was applied, so delete one by one.
                foreach (var action in batch)
                {
                    await client.DeleteEntityAsync(table, action.Entity.PartitionKey, action.Entity.RowKey, cancellationToken: cancellationToken);
                }
            }

            deleted += batch.Count;
        }

        return deleted;
    }

    /// <summary>The keys of every row that <paramref name="filter"/> selects, read before anything is deleted.</summary>
    public static async Task<List<(string PartitionKey, string RowKey)>> KeysAsync(TableStorageClient client, string table, string filter, CancellationToken cancellationToken)
    {
        var keys = new List<(string, string)>();
        var query = new TableQuery { Filter = filter, Select = ["PartitionKey", "RowKey"] };
        await foreach (var row in client.QueryAsync(table, query, cancellationToken))
        {
            keys.Add((row.PartitionKey, row.RowKey));
        }

        return keys;
    }

    private static IEnumerable<List<TableTransactionAction>> Batches(IEnumerable<TableTransactionAction> actions)
    {
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>();
            var bytes = 0;
            foreach (var action in partition.DistinctBy(a => a.Entity.RowKey, StringComparer.Ordinal))
            {
                var size = OverheadPerAction + (action.ActionType == TableTransactionActionType.Delete ? 0 : System.Text.Json.JsonSerializer.SerializeToUtf8Bytes((IDictionary<string, object>)action.Entity).Length);
                if (batch.Count > 0 && (batch.Count == TableStorageClient.MaxTransactionActions || bytes + size > MaxBodyBytes))
                {
                    yield return batch;
                    batch = [];
                    bytes = 0;
                }

                batch.Add(action);
                bytes += size;
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }
}
