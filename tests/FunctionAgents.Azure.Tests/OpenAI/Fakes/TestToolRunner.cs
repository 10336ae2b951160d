using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Azure.Tests.OpenAI.Fakes;

/// <summary>The real tool executor behind the runner interface the activities use.</summary>
internal sealed class TestToolRunner(ToolExecutor executor) : IToolRunner
{
    public Task<ToolObservation> ExecuteAsync(ToolInvocation invocation, string toolName, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(invocation, toolName, cancellationToken);
}
