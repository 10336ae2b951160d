using System.Text.Json;
using Azure.Core;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// The Table service operations FunctionAgents uses: tables, single-entity writes and reads, entity
/// group transactions and streaming queries. Thread-safe; share one instance per connection.
/// Failures throw <see cref="StorageRequestException"/> (409 as <see cref="StorageConflictException"/>).
/// </summary>
public sealed partial class TableStorageClient
{
    /// <summary>The Table service REST version sent as x-ms-version.</summary>
    public const string ServiceVersion = "2019-02-02";

    private const string JsonAccept = "application/json;odata=minimalmetadata";

    private static readonly RequestMethod MergeMethod = new("MERGE");

    private readonly StorageHttp _http;

    /// <param name="connection">Endpoint and credential (SharedKey or token).</param>
    /// <param name="options">Retry, transport and extra pipeline policies; <see cref="StorageClientOptions"/> defaults when null.</param>
    public TableStorageClient(StorageConnection connection, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _http = new StorageHttp(connection, StorageService.Table, options ?? new StorageClientOptions());
    }

    /// <summary>The Table service endpoint requests go to.</summary>
    public Uri Endpoint => _http.Endpoint;

    /// <summary>Creates the table; returns false if it already existed.</summary>
    public async Task<bool> CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateTableName(table);
        using var message = CreateJsonMessage(RequestMethod.Post, "/Tables");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = table }));
        var operation = $"Create table '{table}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 or 204 => true,
            409 when StorageError.Read(response).Code == "TableAlreadyExists" => false,
            _ => throw StorageHttp.Failure(response, operation),
        };
    }

    /// <summary>Deletes the table and everything in it; returns false if it did not exist.</summary>
    public async Task<bool> DeleteTableAsync(string table, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateTableName(table);
        using var message = CreateJsonMessage(RequestMethod.Delete, $"/Tables('{table}')");
        var operation = $"Delete table '{table}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StorageHttp.Failure(response, operation),
        };
    }

    /// <summary>Inserts the entity. Throws <see cref="StorageConflictException"/> (EntityAlreadyExists) when its keys are taken.</summary>
    public async Task InsertEntityAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateTableName(table);
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateJsonMessage(RequestMethod.Post, "/" + table);
        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
        var operation = $"Insert entity ({entity.PartitionKey}, {entity.RowKey}) into '{table}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status is not (201 or 204))
        {
            throw StorageHttp.Failure(response, operation);
        }
    }

    /// <summary>Inserts the entity or, when it exists, replaces or merges it (<paramref name="mode"/>).</summary>
    public async Task UpsertEntityAsync(string table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateTableName(table);
        ArgumentNullException.ThrowIfNull(entity);
        var method = mode == TableUpdateMode.Merge ? MergeMethod : RequestMethod.Put;
        using var message = CreateJsonMessage(method, TableKeys.EntityPath(table, entity.PartitionKey, entity.RowKey));
        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
        var operation = $"Upsert entity ({entity.PartitionKey}, {entity.RowKey}) into '{table}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StorageHttp.Failure(response, operation);
        }
    }

    /// <summary>Deletes the entity if its ETag matches <paramref name="eTag"/> (null: any); returns false if it did not exist.</summary>
    public async Task<bool> DeleteEntityAsync(string table, string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateTableName(table);
        using var message = CreateJsonMessage(RequestMethod.Delete, TableKeys.EntityPath(table, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", eTag ?? "*");
        var operation = $"Delete entity ({partitionKey}, {rowKey}) from '{table}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StorageHttp.Failure(response, operation),
        };
    }

    /// <summary>Reads one entity; null when it does not exist.</summary>
    public async Task<TableEntity?> GetEntityAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateTableName(table);
        using var message = CreateJsonMessage(RequestMethod.Get, TableKeys.EntityPath(table, partitionKey, rowKey));
        var operation = $"Read entity ({partitionKey}, {rowKey}) from '{table}'";
        var response = await _http.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw StorageHttp.Failure(response, operation);
        }

        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.Read(doc.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag.ToString();
        }

        return entity;
    }

    private HttpMessage CreateJsonMessage(RequestMethod method, string path)
    {
        var message = _http.CreateMessage(method, path, ServiceVersion);
        var headers = message.Request.Headers;
        headers.SetValue("Accept", JsonAccept);
        headers.SetValue("DataServiceVersion", "3.0");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (method == RequestMethod.Post || method == RequestMethod.Put || method == MergeMethod)
        {
            headers.SetValue("Content-Type", "application/json");
            headers.SetValue("Prefer", "return-no-content");
        }

        return message;
    }
}
