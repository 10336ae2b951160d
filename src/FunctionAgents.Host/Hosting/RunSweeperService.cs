using FunctionAgents.Azure.DependencyInjection;
using FunctionAgents.Runtime.Engine;

namespace FunctionAgents.Host.Hosting;

/// <summary>Sweeps for stranded runs every half <c>FA_SWEEP_AFTER</c> (at most every 30 s).</summary>
internal sealed class RunSweeperService : BackgroundService
{
    private readonly RunSweeper _sweeper;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly TimeSpan _period;

    public RunSweeperService(RunSweeper sweeper, FunctionAgentsSettings settings, TimeProvider clock, ILogger<RunSweeperService> logger)
    {
        _sweeper = sweeper;
        _clock = clock;
        _logger = logger;
        var half = settings.Runs.SweepAfter / 2;
        _period = half < TimeSpan.FromSeconds(30) ? half : TimeSpan.FromSeconds(30);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_period, _clock, stoppingToken);
                var requeued = await _sweeper.SweepAsync(stoppingToken);
                if (requeued.Count > 0)
                {
                    var runIds = string.Join(", ", requeued);
                    Log.Swept(_logger, requeued.Count, runIds);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.SweepFailed(_logger, ex);
            }
        }
    }
}
