using FunctionAgents.Core.Engine;

namespace FunctionAgents.Host.Hosting;

/// <summary>The journal engine: polls <c>agent-work</c> and advances runs until the host stops.</summary>
internal sealed class EngineWorkerService : BackgroundService
{
    private readonly EngineWorker _worker;

    public EngineWorkerService(EngineWorker worker) => _worker = worker;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _worker.RunAsync(stoppingToken);
}
