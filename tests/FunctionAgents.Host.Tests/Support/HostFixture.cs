using FunctionAgents.Azure.Storage;
using FunctionAgents.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionAgents.Host.Tests.Support;

/// <summary>
/// Azurite (started once, fails loudly when it cannot run) and a shared host on it with two tenants.
/// Tests that need their own settings or an empty storage create a host with <see cref="CreateHost"/>.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    public const string AlphaKey = "alpha-key-0123456789";
    public const string BetaKey = "beta-key-0123456789";

    private AzuriteProcess? _azurite;
    private TestHost? _shared;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not been started.");

    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>The host most HTTP tests share (tenants alpha and beta).</summary>
    public TestHost Shared => _shared ?? throw new InvalidOperationException("The shared host has not been started.");

    public TableStorageClient CreateTableClient() => StorageClientFactory.FromConnectionString(ConnectionString, AzuriteFixture.FastRetries()).CreateTableClient();

    public QueueStorageClient CreateQueueClient() => StorageClientFactory.FromConnectionString(ConnectionString, AzuriteFixture.FastRetries()).CreateQueueClient();

    /// <summary>A host with its own table and queue prefix, so it sees nothing of other tests.</summary>
    public TestHost CreateHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(ConnectionString, $"alpha:{AlphaKey},beta:{BetaKey}", settings, services);

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _shared = CreateHost();
        await _shared.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
