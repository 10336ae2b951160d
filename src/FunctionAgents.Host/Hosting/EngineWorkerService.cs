using FunctionAgents.Core.Engine;

namespace FunctionAgents.Host.Hosting;

/// <summary>The journal engine: polls <c>agent-work</c> and advances runs until the host stops.</summary>
/// <remarks>
/// The worker (and with it the tools, the policy and the planner) is resolved when the service starts, after
/// <see cref="StorageStartupService"/> has checked them, so a bad setting fails the start with its one-line reason.
/// </remarks>
internal sealed class EngineWorkerService : BackgroundService
{
    private readonly IServiceProvider _services;

    public EngineWorkerService(IServiceProvider services) => _services = services;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _services.GetRequiredService<EngineWorker>().RunAsync(stoppingToken);
}
