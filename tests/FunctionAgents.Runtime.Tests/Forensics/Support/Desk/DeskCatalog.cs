using System.Diagnostics.CodeAnalysis;
using FunctionAgents.Domain.Tools;
using FunctionAgents.Runtime.Tools;

namespace FunctionAgents.Runtime.Tests.Forensics.Support.Desk;

internal sealed class DeskCatalog(IReadOnlyList<ITool> tools) : IToolCatalog, IToolRunner
{
    public IReadOnlyCollection<ITool> All => [.. tools];

    public bool TryGet(string name, [NotNullWhen(true)] out ITool? tool)
    {
        tool = tools.FirstOrDefault(t => t.Name == name);
        return tool is not null;
    }

    /// <summary>Runs the tool; an exception becomes a failed observation, as the real executor does.</summary>
    public async Task<ToolObservation> ExecuteAsync(ToolInvocation invocation, string toolName, CancellationToken cancellationToken)
    {
        if (!TryGet(toolName, out var tool))
        {
            return new ToolObservation(false, null, new ToolError("unknown_tool", toolName), 0, false);
        }

        try
        {
            return new ToolObservation(true, await tool.ExecuteAsync(invocation, cancellationToken), null, 12, false);
        }
        catch (InvalidOperationException ex)
        {
            return new ToolObservation(false, null, new ToolError("tool_error", ex.Message), 12, false);
        }
    }
}
