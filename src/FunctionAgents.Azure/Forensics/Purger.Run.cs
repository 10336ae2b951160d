using System.Globalization;
using Azure.Data.Tables;
using FunctionAgents.Azure.Journal;
using FunctionAgents.Azure.Storage;
using FunctionAgents.Domain.Events;
using FunctionAgents.Runtime.Forensics.Retention;
using FunctionAgents.Runtime.Projections;

namespace FunctionAgents.Azure.Forensics;

public sealed partial class Purger
{
    private async Task<(RetentionLogEntry? Entry, PurgeSkip? Skip)> PurgeRunAsync(
        RunSummary run, DateTimeOffset cutoff, string purgedBy, string reason, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _client.QueryPartitionAsync(_tables.Journal, run.RunId, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var events = rows.Select(TryRead).OfType<RunEvent>().ToList();
        if (events.Find(e => e.OccurredAt >= cutoff) is { } late)
        {
            return (null, new PurgeSkip(run.RunId, run.TenantId, $"its event at Seq {late.Seq} was recorded at {late.OccurredAt:O}, after the cutoff"));
        }

        if (events.Find(e => !string.Equals(e.TenantId, run.TenantId, StringComparison.Ordinal)) is { } foreign)
        {
            return (null, new PurgeSkip(run.RunId, run.TenantId, $"its journal names tenant '{foreign.TenantId}', not '{run.TenantId}' as the index does"));
        }

        var correlationId = events.Count > 0 ? events[0].CorrelationId : run.CorrelationId;
        var started = new RetentionLogEntry(
            run.RunId, run.TenantId, correlationId, run.CreatedAt, events.Count > 0 ? events.Max(e => e.OccurredAt) : run.UpdatedAt,
            rows.Count, 0, purgedBy, _clock.GetUtcNow(), reason, cutoff, PurgeStatus.Started);
        await _log.WriteAsync(started, cancellationToken);

        // Projections first, the journal next and the index rows last: an interrupted purge leaves the run listed, so the next purge finishes it.
        long projectionRows = 0;
        var days = events.Select(e => DateOnly.FromDateTime(e.OccurredAt.UtcDateTime)).Append(DateOnly.FromDateTime(run.CreatedAt.UtcDateTime)).Distinct();
        foreach (var partition in days.Select(d => AuditKeys.ByDay(run.TenantId, d)).Prepend(AuditKeys.ByCorrelation(run.TenantId, correlationId)))
        {
            projectionRows += await DeleteWhereAsync(_tables.Audit, TableFilter.Create($"PartitionKey eq {partition} and RunId eq {run.RunId}"), cancellationToken);
        }

        projectionRows += await DeleteWhereAsync(_tables.Checkpoints, TableFilter.Create($"PartitionKey eq {run.RunId}"), cancellationToken);
        var eventsRemoved = await TableBatches.DeleteAsync(_client, _tables.Journal, rows.Select(r => (r.PartitionKey, r.RowKey)), cancellationToken);
        projectionRows += await DeleteIfPresentAsync(_tables.RunsByTenant, run.TenantId, run.RunId, cancellationToken);
        projectionRows += await DeleteIfPresentAsync(_tables.RunsByDay, run.CreatedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), run.RunId, cancellationToken);

        var completed = started with { EventsRemoved = eventsRemoved, RowsRemoved = projectionRows, PurgedAt = _clock.GetUtcNow(), Status = PurgeStatus.Completed };
        await _log.WriteAsync(completed, cancellationToken);
        return (completed, null);
    }

    private async Task<long> DeleteWhereAsync(string table, string filter, CancellationToken cancellationToken) =>
        await TableBatches.DeleteAsync(_client, table, await TableBatches.KeysAsync(_client, table, filter, cancellationToken), cancellationToken);

    private async Task<long> DeleteIfPresentAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        await _client.DeleteEntityAsync(table, partitionKey, rowKey, cancellationToken: cancellationToken) ? 1 : 0;

    /// <summary>A row that is not a readable event (planted, damaged) is still deleted with its partition; it just tells nothing.</summary>
    private static RunEvent? TryRead(TableEntity row)
    {
        try
        {
            return JournalEntity.FromEntity(row);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
