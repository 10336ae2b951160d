using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// The Table operations FunctionAgents uses, on the SDK's <see cref="TableServiceClient"/>: a port adapter that
/// names tables per call and turns the SDK's failures into Core's storage exceptions
/// (<see cref="FunctionAgents.Domain.Storage.StorageException"/> and subtypes). Thread-safe; share one instance.
/// </summary>
public sealed partial class TableStorageClient
{
    /// <summary>The most actions one entity group transaction carries.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>The largest request body one entity group transaction may have.</summary>
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    private readonly TableServiceClient _service;

    /// <param name="service">The SDK client (its options decide retries and pipeline policies).</param>
    public TableStorageClient(TableServiceClient service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
    }

    /// <summary>The SDK client underneath, for callers that need an operation this adapter does not offer.</summary>
    public TableServiceClient Service => _service;

    /// <summary>The Table service endpoint requests go to.</summary>
    public Uri Endpoint => _service.Uri;

    /// <summary>The SDK client of one table.</summary>
    public TableClient Table(string table) => _service.GetTableClient(table);

    /// <summary>Creates the table; returns false if it already existed.</summary>
    public Task<bool> CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) =>
        StorageErrors.RunAsync($"Create table '{table}'", async () =>
        {
            try
            {
                await Table(table).CreateAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == "TableAlreadyExists")
            {
                return false;
            }
        });

    /// <summary>Deletes the table and everything in it; returns false if it did not exist.</summary>
    public Task<bool> DeleteTableAsync(string table, CancellationToken cancellationToken = default) =>
        StorageErrors.RunAsync($"Delete table '{table}'", async () =>
        {
            var response = await Table(table).DeleteAsync(cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        });

    /// <summary>
    /// Inserts the entity and returns its new ETag; throws <see cref="FunctionAgents.Domain.Storage.StorageConflictException"/>
    /// (EntityAlreadyExists) when its keys are taken.
    /// </summary>
    public Task<string?> InsertEntityAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return StorageErrors.RunAsync($"Insert entity ({entity.PartitionKey}, {entity.RowKey}) into '{table}'", async () =>
            (await Table(table).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)).Headers.ETag?.ToString());
    }

    /// <summary>Inserts the entity or, when it exists, replaces or merges it (<paramref name="mode"/>).</summary>
    public Task UpsertEntityAsync(string table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return StorageErrors.RunAsync($"Upsert entity ({entity.PartitionKey}, {entity.RowKey}) into '{table}'", async () =>
            await Table(table).UpsertEntityAsync(entity, mode, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Replaces the entity only if it still has <paramref name="eTag"/> and returns its new ETag; throws
    /// <see cref="FunctionAgents.Domain.Storage.StorageConflictException"/> (412) when another writer changed it first.
    /// </summary>
    public Task<string?> ReplaceEntityAsync(string table, TableEntity entity, string eTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        return StorageErrors.RunAsync($"Replace entity ({entity.PartitionKey}, {entity.RowKey}) in '{table}'", async () =>
            (await Table(table).UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)).Headers.ETag?.ToString());
    }

    /// <summary>Deletes the entity if its ETag matches <paramref name="eTag"/> (null: any); returns false if it did not exist.</summary>
    public Task<bool> DeleteEntityAsync(string table, string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default) =>
        StorageErrors.RunAsync($"Delete entity ({partitionKey}, {rowKey}) from '{table}'", async () =>
        {
            try
            {
                var response = await Table(table).DeleteEntityAsync(partitionKey, rowKey, eTag is null ? ETag.All : new ETag(eTag), cancellationToken).ConfigureAwait(false);
                return response.Status != 404;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "ResourceNotFound")
            {
                return false;
            }
        });

    /// <summary>Reads one entity; null when it does not exist.</summary>
    public Task<TableEntity?> GetEntityAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        StorageErrors.RunAsync($"Read entity ({partitionKey}, {rowKey}) from '{table}'", async () =>
        {
            var response = await Table(table).GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue ? response.Value : null;
        });

    /// <summary>
    /// Applies 1 to 100 actions on one partition as a single entity group transaction: all or nothing. A failure
    /// throws a domain storage exception whose <see cref="FunctionAgents.Domain.Storage.StorageException.FailedActionIndex"/>
    /// names the action the service blamed: 409 <c>EntityAlreadyExists</c> (a key already stored) as a conflict,
    /// 400 <c>InvalidDuplicateRow</c> (a RowKey twice in the batch) as the base type. Throws
    /// <see cref="ArgumentException"/> for an empty list, more than 100 actions or mixed partitions.
    /// </summary>
    public Task SubmitTransactionAsync(string table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        if (actions.FirstOrDefault(a => !string.Equals(a.Entity.PartitionKey, partitionKey, StringComparison.Ordinal)) is { } other)
        {
            throw new ArgumentException($"A transaction covers one partition; got '{partitionKey}' and '{other.Entity.PartitionKey}'.", nameof(actions));
        }

        return StorageErrors.RunAsync($"Transaction of {actions.Count} action(s) on partition '{partitionKey}' of '{table}'", async () =>
            await Table(table).SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs the query and streams its result pages as the service returns them (up to
    /// <see cref="TableQuery.PageSize"/> entities each), following continuation tokens.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<TableEntity>> QueryPagesAsync(
        string table, TableQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new TableQuery();
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        if (query.Top is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "Top cannot be negative.");
        }

        var remaining = query.Top ?? int.MaxValue;
        if (remaining == 0)
        {
            yield break;
        }

        var operation = $"Query table '{table}'";
        var pages = Table(table)
            .QueryAsync<TableEntity>(string.IsNullOrEmpty(query.Filter) ? null : query.Filter, Math.Min(remaining, query.PageSize), query.Select, cancellationToken)
            .AsPages()
            .GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (remaining > 0 && await StorageErrors.RunAsync(operation, () => pages.MoveNextAsync().AsTask()).ConfigureAwait(false))
            {
                var values = pages.Current.Values;
                var page = values.Count <= remaining ? values : values.Take(remaining).ToList();
                remaining -= page.Count;
                yield return page;
            }
        }
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
}

/// <summary>What a table query asks for. Build <see cref="Filter"/> with <see cref="TableFilter"/> so values are escaped.</summary>
public sealed record TableQuery
{
    /// <summary>The OData <c>$filter</c> expression, or null for every entity.</summary>
    public string? Filter { get; init; }

    /// <summary>The properties to return (<c>$select</c>), or null for all.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>The most entities to return in total, across pages, or null for no limit.</summary>
    public int? Top { get; init; }

    /// <summary>Entities per request page, 1 to 1,000 (the service's maximum).</summary>
    public int PageSize { get; init; } = 1000;
}
