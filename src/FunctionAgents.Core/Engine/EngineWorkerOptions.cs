namespace FunctionAgents.Core.Engine;

/// <summary>How the engine worker uses its queue.</summary>
public sealed record EngineWorkerOptions
{
    /// <summary>Messages taken per poll (at most 32, the queue service's limit).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>How long a message stays invisible; renewed at a third of it while the run is worked on.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Delivery attempts before a work item is moved to the poison queue and its run failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
