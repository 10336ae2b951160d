using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Storage;

namespace FunctionAgents.Azure.DependencyInjection;

/// <summary>Creates every table and queue the runtime uses (idempotent) and reports storage health.</summary>
public sealed class FunctionAgentsStorage : IStorageHealthCheck
{
    private readonly TableStorageClient _tables;
    private readonly QueueStorageClient _queues;
    private readonly StorageNames _names;
    private readonly IReadOnlyList<string> _extraTables;

    /// <param name="extraTables">Further tables to create (the tool stores' tables), by deployed name.</param>
    public FunctionAgentsStorage(TableStorageClient tables, QueueStorageClient queues, StorageNames names, IEnumerable<string>? extraTables = null)
    {
        _tables = tables;
        _queues = queues;
        _names = names;
        _extraTables = extraTables?.ToList() ?? [];
    }

    /// <summary>Every table this deployment writes, by deployed name.</summary>
    public IReadOnlyList<string> Tables => [_names.Journal, _names.RunsByTenant, _names.RunsByDay, _names.Schedules, .. _extraTables];

    /// <summary>Creates the tables and queues that do not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in Tables.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await _tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        foreach (var queue in _names.AllQueues)
        {
            await _queues.CreateQueueIfNotExistsAsync(queue, cancellationToken);
        }
    }

    /// <summary>Reads every run queue's depth; a storage failure is reported, not thrown.</summary>
    public async Task<StorageHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            foreach (var queue in _names.AllQueues)
            {
                depths[queue] = await _queues.GetApproximateMessageCountAsync(queue, cancellationToken);
            }

            return new StorageHealth(true, null, depths);
        }
        catch (StorageException ex)
        {
            return new StorageHealth(false, ex.Message, depths);
        }
    }
}
