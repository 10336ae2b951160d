using FunctionAgents.Core.Tools;

namespace FunctionAgents.Azure.DependencyInjection;

/// <summary>Presents <see cref="ToolExecutor"/> as the <see cref="IToolRunner"/> the activities call.</summary>
internal sealed class ToolExecutorRunner : IToolRunner
{
    private readonly ToolExecutor _executor;

    public ToolExecutorRunner(ToolExecutor executor) => _executor = executor;

    public Task<ToolObservation> ExecuteAsync(ToolInvocation invocation, string toolName, CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(invocation, toolName, cancellationToken);
}
