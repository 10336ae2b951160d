using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace FunctionAgents.Durable.AzureStorage;

/// <summary>
/// Settings of the local task hub, each with its Durable Functions <c>host.json</c> counterpart (the table in
/// docs/durable.md). Several workers may share one hub: each owns some of its <see cref="PartitionCount"/> control
/// queues through leases, and takes over a dead worker's partitions when their leases expire.
/// </summary>
public sealed record LocalTaskHubOptions
{
    /// <summary>The most partitions the Azure Storage provider supports.</summary>
    public const int MaxPartitionCount = 16;

    /// <summary>The AzureWebJobsStorage connection string (Azurite locally): the same account the journal uses.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Task hub name: prefixes the hub's tables (Instances, History), queues and lease container.</summary>
    public string TaskHubName { get; init; } = "FunctionAgentsLocal";

    /// <summary>
    /// Control-queue partitions, 1 to 16 (Durable Functions' default: 4): at most this many workers share the
    /// orchestrations. Fixed when the hub is created; a worker configured otherwise refuses to start on that hub.
    /// </summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Longest idle back-off of the queue pollers: the wake-up latency after idle (DTFx default 30 s).</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// This worker's name in the partition leases: unique per process by default (<see cref="DefaultWorkerId"/>), so two
    /// hosts on one machine are two workers. A stable value lets a restarted host take its own leases back at once.
    /// </summary>
    public string WorkerId { get; init; } = DefaultWorkerId();

    /// <summary>Partition lease length: a dead worker's partitions move to a survivor after at most this (plus a renewal).</summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a dequeued control or work-item message stays invisible: a message a stopped or crashed worker held
    /// reappears after this (DTFx default 5 min). Held messages are renewed while work is in progress.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Activities this worker runs at once (DTFx default: 10 per processor).</summary>
    public int MaxConcurrentActivities { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>Orchestration episodes this worker runs at once (DTFx default: 100 per processor).</summary>
    public int MaxConcurrentOrchestrations { get; init; } = 100 * Environment.ProcessorCount;

    /// <summary>Keep an orchestration's history in memory between episodes instead of replaying it from storage (DTFx default off).</summary>
    public bool ExtendedSessions { get; init; }

    /// <summary>Control-queue messages fetched per poll (DTFx default 32).</summary>
    public int ControlQueueBatchSize { get; init; } = 32;

    /// <summary>
    /// How long stopping may take: in-flight work items get this long to finish; what is still running is abandoned,
    /// and DTFx delivers it again (to this or another worker) after <see cref="MessageVisibilityTimeout"/>.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>machine-pid</c>: unique per process on a machine, readable in the lease blobs and logs.</summary>
    public static string DefaultWorkerId() => $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// The Azure Storage provider's settings for these options on <paramref name="taskHubName"/>: the one mapping, so the
    /// local hub and the benchmark's bare hub run every engine setting alike.
    /// </summary>
    public AzureStorageOrchestrationServiceSettings ToServiceSettings(
        StorageAccountClientProvider storage, string taskHubName, ILoggerFactory loggerFactory) => new()
    {
        StorageAccountClientProvider = storage,
        TaskHubName = taskHubName,
        PartitionCount = PartitionCount,
        MaxQueuePollingInterval = MaxQueuePollingInterval,
        WorkerId = WorkerId,
        LeaseInterval = LeaseInterval,
        // The partition manager renews its leases once per acquire interval (DTFx default 10 s): at or above the lease
        // interval, a live worker's lease lapses between renewals and another worker claims it, so partitions flap
        // between healthy workers. A third of the lease leaves two renewals of slack before a lease can expire.
        LeaseRenewInterval = LeaseInterval / 3,
        LeaseAcquireInterval = LeaseInterval / 3,
        ControlQueueVisibilityTimeout = MessageVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = MessageVisibilityTimeout,
        MaxConcurrentTaskActivityWorkItems = MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = MaxConcurrentOrchestrations,
        ExtendedSessionsEnabled = ExtendedSessions,
        ControlQueueBatchSize = ControlQueueBatchSize,
        LoggerFactory = loggerFactory,
    };
}
