namespace FunctionAgents.Azure.Runs;

/// <summary>Reads <c>agent-work</c> messages for hosts that receive them through their own trigger (Azure Functions).</summary>
public static class WorkMessages
{
    /// <summary>The run a work message names, or null when the text is not a work message.</summary>
    public static string? ReadRunId(string? text) => QueueWorkQueue.Parse(text);
}
