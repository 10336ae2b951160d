namespace FunctionAgents.Domain.Storage;

/// <summary>Reports whether the deployment's storage answers and how deep its run queues are; the health endpoint calls it.</summary>
public interface IStorageHealthCheck
{
    /// <summary>Reads every run queue's depth; a storage failure is reported in the result, not thrown.</summary>
    Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>Whether storage answered, and the approximate depth of each run queue (by its deployed name).</summary>
public sealed record StorageHealth(bool Reachable, string? Error, IReadOnlyDictionary<string, int> QueueDepths);
