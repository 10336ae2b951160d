using System.Globalization;

namespace FunctionAgents.Domain.Runs;

/// <summary>Dispatch ids: <c>RunId:Seq</c> of the ToolExecuted event. Side effects are keyed by them.</summary>
public static class DispatchIds
{
    public static string For(string runId, long seq) => string.Create(CultureInfo.InvariantCulture, $"{runId}:{seq}");
}
