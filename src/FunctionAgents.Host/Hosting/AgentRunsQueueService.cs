using FunctionAgents.Azure.Runs;

namespace FunctionAgents.Host.Hosting;

/// <summary>The local stand-in for the Functions queue trigger on <c>agent-runs</c>.</summary>
internal sealed class AgentRunsQueueService : BackgroundService
{
    private readonly AgentRunsIntake _intake;

    public AgentRunsQueueService(AgentRunsIntake intake) => _intake = intake;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _intake.RunAsync(stoppingToken);
}
