using FunctionAgents.Runtime.Hosting;

namespace FunctionAgents.Azure.Runs;

/// <summary>How the <c>agent-runs</c> listener polls and retries.</summary>
public sealed record AgentRunsIntakeOptions
{
    /// <summary>Messages taken per poll (at most 32).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>How long a received message stays invisible while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries before a message that keeps failing is poisoned (the Functions <c>maxDequeueCount</c>).</summary>
    public int MaxAttempts { get; init; } = QueueNames.MaxDequeueCount;

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry delay after a transient failure; doubled per delivery.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
