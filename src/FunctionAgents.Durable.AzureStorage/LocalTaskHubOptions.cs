namespace FunctionAgents.Durable.AzureStorage;

/// <summary>Settings of the local task hub (see docs/durable.md).</summary>
public sealed record LocalTaskHubOptions
{
    /// <summary>The AzureWebJobsStorage connection string (Azurite locally): the same account the journal uses.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Task hub name: prefixes the hub's tables (Instances, History), queues and lease container.</summary>
    public string TaskHubName { get; init; } = "FunctionAgentsLocal";

    /// <summary>Control-queue partitions; one worker owns them all locally.</summary>
    public int PartitionCount { get; init; } = 1;

    /// <summary>Longest idle back-off of the queue pollers: the wake-up latency after idle (DTFx default 30 s).</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Stable per machine, so a restarted host takes its own partition leases back at once.</summary>
    public string WorkerId { get; init; } = Environment.MachineName;

    /// <summary>Partition lease length; short locally so a crashed worker's leases free up quickly.</summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a dequeued control or work-item message stays invisible: a message a stopped or crashed worker held
    /// reappears after this (DTFx default 5 min). Held messages are renewed while work is in progress.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
