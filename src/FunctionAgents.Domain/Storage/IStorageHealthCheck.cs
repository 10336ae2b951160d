namespace FunctionAgents.Domain.Storage;

/// <summary>Reports whether the deployment's storage answers and how deep its run queues are; the health endpoint calls it.</summary>
public interface IStorageHealthCheck
{
    /// <summary>Reads every run queue's depth; a storage failure is reported in the result, not thrown.</summary>
    Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default);
}
