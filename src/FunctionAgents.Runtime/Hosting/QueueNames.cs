namespace FunctionAgents.Runtime.Hosting;

/// <summary>The queues both hosts use, before any per-deployment prefix.</summary>
public static class QueueNames
{
    /// <summary>External run requests (one JSON message per run), as the Functions queue trigger reads them.</summary>
    public const string AgentRuns = "agent-runs";

    /// <summary>Deliveries after which a message that keeps failing moves to its poison queue (the Functions default).</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>The poison queue of <paramref name="queue"/>: <c>&lt;queue&gt;-poison</c>, as Azure Functions names it.</summary>
    public static string Poison(string queue)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        return queue + "-poison";
    }
}
