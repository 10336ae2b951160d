using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Runs.Fakes;

/// <summary>Calls the catalog's tool directly; turns exceptions into failed observations like the real executor.</summary>
internal sealed class FakeToolRunner(IToolCatalog catalog) : IToolRunner
{
    public async Task<ToolObservation> ExecuteAsync(ToolInvocation invocation, string toolName, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(toolName, out var tool))
        {
            return new ToolObservation(false, null, new ToolError("unknown_tool", toolName), 0, false);
        }

        try
        {
            return new ToolObservation(true, await tool.ExecuteAsync(invocation, cancellationToken), null, 1, false);
        }
        catch (InvalidOperationException ex)
        {
            return new ToolObservation(false, null, new ToolError("tool_error", ex.Message), 1, false);
        }
    }
}
