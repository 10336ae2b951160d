// The isolated worker is a .NET generic host (reference sheet section 1.1), so an IHostedService runs at startup.
using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Azure.Forensics;
using Microsoft.Extensions.Hosting;

namespace FunctionAgents.Functions;

/// <summary>Creates the runtime's tables and queues (idempotent) before the first trigger fires, as the local host does.</summary>
internal sealed class StorageInitializer : IHostedService
{
    private readonly FunctionAgentsStorage _storage;
    private readonly ForensicsStorage _forensics;

    public StorageInitializer(FunctionAgentsStorage storage, ForensicsStorage forensics)
    {
        _storage = storage;
        _forensics = forensics;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        await _forensics.EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
