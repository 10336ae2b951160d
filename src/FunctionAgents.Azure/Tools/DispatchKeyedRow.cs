using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Storage;

namespace FunctionAgents.Azure.Tools;

/// <summary>
/// Insert-once rows keyed by a tool dispatch id (PartitionKey = DispatchId): a repeated dispatch finds
/// the row its first attempt wrote and gets that back, writing nothing new.
/// </summary>
internal static class DispatchKeyedRow
{
    public static async Task<TableEntity> InsertOrReadAsync(TableStorageClient client, string table, TableEntity entity, CancellationToken cancellationToken)
    {
        // Two rounds cover a row deleted between our failed insert and the read.
        for (var round = 0; round < 2; round++)
        {
            try
            {
                await client.InsertEntityAsync(table, entity, cancellationToken).ConfigureAwait(false);
                return entity;
            }
            catch (StorageConflictException)
            {
                var existing = await client.GetEntityAsync(table, entity.PartitionKey, entity.RowKey, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    return existing;
                }
            }
        }

        throw new InvalidOperationException($"The row for dispatch {entity.PartitionKey} in table {table} kept conflicting but could not be read.");
    }

    public static void CheckLength(string value, string name, string dispatchId)
    {
        if (value.Length > TableEntitySize.MaxStringChars)
        {
            throw new ArgumentException(
                $"{name} of dispatch {dispatchId} is {value.Length:N0} characters; a table property holds at most {TableEntitySize.MaxStringChars:N0}.", name);
        }
    }

    public static string Required(TableEntity row, string name) =>
        row.GetString(name) ?? throw new InvalidDataException($"Row {row.PartitionKey} lacks {name}.");

    public static DateTimeOffset RequiredTime(TableEntity row, string name) =>
        new(DateTime.SpecifyKind(row.GetDateTime(name) ?? throw new InvalidDataException($"Row {row.PartitionKey} lacks {name}."), DateTimeKind.Utc));
}
