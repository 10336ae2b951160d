using Azure.Data.Tables;
using FunctionAgents.Azure.Storage;

namespace FunctionAgents.Host.Scheduling;

/// <summary>Schedule status in the <c>AgentSchedules</c> table: PartitionKey <c>schedule</c>, RowKey the job name.</summary>
internal sealed class TableScheduleMonitor : IScheduleMonitor
{
    private const string Partition = "schedule";

    private readonly TableStorageClient _tables;
    private readonly string _table;

    public TableScheduleMonitor(TableStorageClient tables, StorageNames names)
    {
        _tables = tables;
        _table = names.Schedules;
    }

    public async Task<ScheduleStatus?> GetAsync(string jobName, CancellationToken cancellationToken = default)
    {
        var entity = await _tables.GetEntityAsync(_table, Partition, jobName, cancellationToken);
        if (entity?.GetDateTime("Next") is not { } next)
        {
            return null;
        }

        return new ScheduleStatus(Utc(entity.GetDateTime("Last")), Utc(next)!.Value, Utc(entity.GetDateTime("LastUpdated")) ?? Utc(next)!.Value);
    }

    public Task SetAsync(string jobName, ScheduleStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        var entity = new TableEntity(Partition, jobName)
        {
            ["Last"] = status.Last?.UtcDateTime,
            ["Next"] = status.Next.UtcDateTime,
            ["LastUpdated"] = status.LastUpdated.UtcDateTime,
        };
        return _tables.UpsertEntityAsync(_table, entity, TableUpdateMode.Replace, cancellationToken);
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
