using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Core;

namespace FunctionAgents.Azure.Storage;

public sealed partial class TableStorageClient
{
    /// <summary>
    /// Runs the query and streams its result pages as the service returns them (up to
    /// <see cref="TableQuery.PageSize"/> entities each), following continuation tokens. Only one page is
    /// held in memory at a time; a page may be empty while more follow.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<TableEntity>> QueryPagesAsync(
        string table, TableQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateTableName(table);
        query ??= new TableQuery();
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        if (query.Top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "Top cannot be negative.");
        }

        var remaining = query.Top ?? int.MaxValue;
        string? nextPartitionKey = null;
        string? nextRowKey = null;
        var operation = $"Query table '{table}'";
        do
        {
            if (remaining == 0)
            {
                yield break;
            }

            using var message = CreateJsonMessage(RequestMethod.Get, $"/{table}()");
            var uri = message.Request.Uri;
            if (!string.IsNullOrEmpty(query.Filter))
            {
                uri.AppendQuery("$filter", query.Filter, true);
            }

            if (query.Select is { Count: > 0 } select)
            {
                uri.AppendQuery("$select", string.Join(',', select), true);
            }

            uri.AppendQuery("$top", Math.Min(remaining, query.PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture), false);
            if (nextPartitionKey is not null)
            {
                uri.AppendQuery("NextPartitionKey", nextPartitionKey, true);
            }

            if (nextRowKey is not null)
            {
                uri.AppendQuery("NextRowKey", nextRowKey, true);
            }

            var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StorageHttp.Failure(response, operation);
            }

            var page = ReadPage(response.Content.ToMemory());
            remaining -= Math.Min(remaining, page.Count);
            nextPartitionKey = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var npk) ? npk : null;
            nextRowKey = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nrk) ? nrk : null;
            yield return page;
        }
        while (nextPartitionKey is not null);
    }

    /// <summary>Runs the query and streams its entities, fetching pages as the caller reads.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string table, TableQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in QueryPagesAsync(table, query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entity in page)
            {
                yield return entity;
            }
        }
    }

    /// <summary>
    /// Streams one partition's entities in RowKey order, optionally limited to
    /// <paramref name="fromRowKey"/> &lt;= RowKey &lt;= <paramref name="toRowKey"/>.
    /// </summary>
    public IAsyncEnumerable<TableEntity> QueryPartitionAsync(
        string table, string partitionKey, string? fromRowKey = null, string? toRowKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        var filter = TableFilter.Create($"PartitionKey eq {partitionKey}");
        if (fromRowKey is not null)
        {
            filter += " and " + TableFilter.Create($"RowKey ge {fromRowKey}");
        }

        if (toRowKey is not null)
        {
            filter += " and " + TableFilter.Create($"RowKey le {toRowKey}");
        }

        return QueryAsync(table, new TableQuery { Filter = filter }, cancellationToken);
    }

    private static List<TableEntity> ReadPage(ReadOnlyMemory<byte> json)
    {
        using var doc = JsonDocument.Parse(json);
        var entities = new List<TableEntity>();
        if (doc.RootElement.TryGetProperty("value", out var value))
        {
            foreach (var element in value.EnumerateArray())
            {
                entities.Add(TableEntityJson.Read(element));
            }
        }

        return entities;
    }
}
