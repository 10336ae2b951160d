using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace FunctionAgents.Azure.Storage;

/// <summary>
/// The SDK clients of one storage account, as <see cref="StorageClientFactory"/> built them: the Table service,
/// the Queue service with Base64 message encoding (what Azure Functions queue triggers read and write) and a
/// second Queue service client without decoding, so a message that is not Base64 is received as poison rather
/// than failing the receive.
/// </summary>
public sealed class StorageClients
{
    internal StorageClients(TableServiceClient tables, QueueServiceClient queues, QueueServiceClient rawQueues, string authentication)
    {
        Tables = tables;
        Queues = queues;
        RawQueues = rawQueues;
        Authentication = authentication;
    }

    /// <summary>The Table service client.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>The Queue service client (Base64 message encoding).</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>The Queue service client that leaves message text as stored.</summary>
    public QueueServiceClient RawQueues { get; }

    /// <summary>How the clients authenticate, in words (never a key).</summary>
    public string Authentication { get; }

    public Uri TableEndpoint => Tables.Uri;

    public Uri QueueEndpoint => Queues.Uri;

    /// <summary>The table adapter the journal and stores use.</summary>
    public TableStorageClient CreateTableClient() => new(Tables);

    /// <summary>The queue adapter the intake and poison handling use.</summary>
    public QueueStorageClient CreateQueueClient() => new(Queues, RawQueues);

    /// <summary>Both endpoints and the authentication kind, for logs and error messages.</summary>
    public override string ToString() => $"tables {TableEndpoint}, queues {QueueEndpoint} ({Authentication})";
}
