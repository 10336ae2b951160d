using Azure.Data.Tables;
using Azure.Storage.Queues;
using FunctionAgents.Azure.Storage;
using Xunit;

namespace FunctionAgents.Testing;

/// <summary>
/// xunit collection fixture: one Azurite per test assembly, shared by the tests of its collection.
/// Each test gets its own table or queue through <see cref="NewTableName"/> / <see cref="NewQueueName"/>.
/// Starting fails the tests loudly when Azurite cannot run; it never skips.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The running instance; throws if used before xunit initialized the fixture.</summary>
    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not been started.");

    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>The SDK clients for this instance, built the way the runtime builds them (fast retries unless <paramref name="options"/> says otherwise).</summary>
    public StorageClients CreateClients(StorageClientOptions? options = null) => StorageClientFactory.FromConnectionString(ConnectionString, options ?? FastRetries());

    /// <summary>A raw SDK Table service client, for checking what the adapters stored.</summary>
    public TableServiceClient CreateTableServiceClient(StorageClientOptions? options = null) => CreateClients(options).Tables;

    /// <summary>A raw SDK Queue service client (Base64 message encoding, as Azure Functions uses).</summary>
    public QueueServiceClient CreateQueueServiceClient(StorageClientOptions? options = null) => CreateClients(options).Queues;

    public TableStorageClient CreateTableClient(StorageClientOptions? options = null) => CreateClients(options).CreateTableClient();

    public QueueStorageClient CreateQueueClient(StorageClientOptions? options = null) => CreateClients(options).CreateQueueClient();

    /// <summary>A fresh table name (letters and digits) starting with <paramref name="prefix"/>.</summary>
    public static string NewTableName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..20];

    /// <summary>A fresh queue name (lowercase letters, digits, hyphens) starting with <paramref name="prefix"/>.</summary>
    public static string NewQueueName(string prefix = "q") => prefix + "-" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>Options with short retry delays so tests stay fast.</summary>
    public static StorageClientOptions FastRetries()
    {
        return new StorageClientOptions { RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(50) };
    }

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
