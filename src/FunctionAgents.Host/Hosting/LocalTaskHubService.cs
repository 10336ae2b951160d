using FunctionAgents.Durable.AzureStorage;

namespace FunctionAgents.Host.Hosting;

/// <summary>
/// Starts the local host's Durable engine (<see cref="LocalTaskHub"/> on the AzureWebJobsStorage account) after
/// storage is checked, and stops it with the host within its shutdown bound. Unreachable task hub storage fails the
/// start with a one-line reason.
/// </summary>
internal sealed class LocalTaskHubService : IHostedService
{
    private readonly LocalTaskHub _hub;

    public LocalTaskHubService(LocalTaskHub hub) => _hub = hub;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _hub.StartAsync();
        }
        catch (LocalTaskHubUnavailableException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _hub.StopAsync(cancellationToken);
}
