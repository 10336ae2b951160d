using FunctionAgents.Domain.Tools;

namespace FunctionAgents.Runtime.Tools;

/// <summary>Dispatches one tool call and always returns an observation; it never throws for a tool's failure.</summary>
public interface IToolRunner
{
    Task<ToolObservation> ExecuteAsync(ToolInvocation invocation, string toolName, CancellationToken cancellationToken);
}
